package dev.dsrdesk.notification;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dev mailbox page; it exists only in the demo and the tests, while mail is not sent for real. */
@Controller
@Conditional(DevMailboxEnabled.class)
class DevMailboxController {

    private final DevMailRepository mailbox;

    DevMailboxController(DevMailRepository mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/dev/mailbox")
    String mailbox(Model model) {
        model.addAttribute("mails", mailbox.findTop100ByOrderByIdDesc());
        return "dev-mailbox";
    }
}
