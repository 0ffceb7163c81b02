package dev.tokenkeeper.server.audit.web;

import java.util.Arrays;
import java.util.List;

import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.audit.AuditLog;
import dev.tokenkeeper.server.audit.AuditQuery;
import dev.tokenkeeper.server.audit.AuditRecord;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.PageController;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for administrators, newest first, filtered by user, token and kind of event. */
@Controller
class AuditPageController implements PageController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	AuditPageController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String audit(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String user,
			@RequestParam(required = false) String tokenId, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int start, Model model) {
		AuditEventType eventType = Arrays.stream(AuditEventType.values())
			.filter(candidate -> candidate.name().equals(type))
			.findFirst()
			.orElse(null);
		PageRequest page = new PageRequest(Math.max(0, start), PAGE_SIZE);
		List<AuditRecord> found = this.audit.find(caller,
				new AuditQuery(blankToNull(user), blankToNull(tokenId), eventType, null, null), page);
		model.addAttribute("events", found.stream().limit(PAGE_SIZE).toList());
		model.addAttribute("types", AuditEventType.values());
		model.addAttribute("user", user == null ? "" : user);
		model.addAttribute("tokenId", tokenId == null ? "" : tokenId);
		model.addAttribute("type", eventType == null ? "" : eventType.name());
		model.addAttribute("previousStart", page.start() == 0 ? null : Math.max(0, page.start() - PAGE_SIZE));
		model.addAttribute("nextStart", found.size() > PAGE_SIZE ? page.start() + PAGE_SIZE : null);
		return "audit/audit";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
