package dev.tokenkeeper.server.audit.web;

import org.junit.jupiter.api.Test;

import dev.tokenkeeper.server.support.WebUiTestSupport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit log page, for administrators. */
class AuditPageControllerTests extends WebUiTestSupport {

	@Test
	void auditWhenFilteredByUserAndTypeThenTheirEventsAreShownNewestFirst() throws Exception {
		String user = createUser("audit-ui");
		String id = createToken(user).get("id").asString();
		this.mvc.perform(get("/admin/audit").param("user", user).param("type", "TOKEN_CREATED").session(loginAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(id)))
			.andExpect(content().string(containsString("TOKEN_CREATED")))
			.andExpect(content().string(not(containsString("USER_CREATED</span>"))));
		this.mvc.perform(get("/admin/audit").param("user", "nobody-did-anything").session(loginAdmin()))
			.andExpect(content().string(containsString("No events match.")));
	}

}
