package dev.dsrdesk.reminder;

/** Why a staff member hears from the desk. */
public enum NoticeKind {
    STEP_REMINDER,
    STEP_LATE,
    DEADLINE_NEAR,
    DEADLINE_BREACHED,
    FAILED_SIGN_INS,
    REQUEST_WITHDRAWN,
    REQUESTER_ANSWERED
}
