package dev.dsrdesk.intake;

import java.util.List;

/** Input that passed the field constraints but breaks a rule that needs more context (who asks, today's date). */
class FieldProblems extends RuntimeException {

    private final List<ApiProblems.FieldProblem> problems;

    FieldProblems(String field, String message) {
        super(field + " " + message);
        this.problems = List.of(new ApiProblems.FieldProblem(field, message));
    }

    List<ApiProblems.FieldProblem> problems() {
        return problems;
    }
}
