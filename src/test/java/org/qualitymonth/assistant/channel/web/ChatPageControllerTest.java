package org.qualitymonth.assistant.channel.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.UnknownIntentException;
import org.qualitymonth.assistant.nlu.Outcome;
import org.qualitymonth.assistant.AssistantApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/menu} and {@code POST /api/v1/choose}, with the chat service mocked.
 */
@WebMvcTest(ChatPageController.class)
@Import({ ChatPageControllerTest.OpenSecurity.class, StrictJsonConfiguration.class })
@ContextConfiguration(classes = AssistantApplication.class)
@EnableConfigurationProperties(WebSettings.class)
@TestPropertySource(properties = "bot.web.max-text-length=300")
class ChatPageControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ChatService chat;

	/** Flood control has its own tests (AskApiTest); here it lets everything through. */
	@MockitoBean
	WebFloodControl floodControl;

	@Test
	void menuListsTheMainTopicsAndTheLongestQuestion() throws Exception {
		given(chat.menu()).willReturn(List.of(new Choice("theme", "T"), new Choice("time", "W")));
		mvc.perform(get("/api/v1/menu"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topics[0].intent").value("theme"))
			.andExpect(jsonPath("$.topics[0].title").value("T"))
			.andExpect(jsonPath("$.topics[1].intent").value("time"))
			.andExpect(jsonPath("$.maxTextLength").value(300));
	}

	/**
	 * The chat service gets the session namespaced by channel, so a page cannot name
	 * another channel's conversation.
	 */
	@Test
	void choosingAnIntentAnswersWithItsReplyAndKeepsTheSession() throws Exception {
		given(chat.choose("theme", "web:s1", "web")).willReturn(new Reply("r1", Outcome.ANSWERED, "theme", 1.0, "A",
				"S", List.of(), List.of(new Choice("time", "W")), List.of(), "", "v1"));
		mvc.perform(post("/api/v1/choose").contentType(MediaType.APPLICATION_JSON)
			.content("{\"intent\":\"theme\",\"sessionId\":\"s1\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("r1"))
			.andExpect(jsonPath("$.outcome").value("answered"))
			.andExpect(jsonPath("$.answer").value("A"))
			.andExpect(jsonPath("$.source").value("S"))
			.andExpect(jsonPath("$.related[0].intent").value("time"));
	}

	@Test
	void choosingWithoutASessionIsAllowed() throws Exception {
		given(chat.choose("time", null, "web")).willReturn(
				new Reply("r2", Outcome.ANSWERED, "time", 1.0, "A", null, List.of(), List.of(), List.of(), "", "v1"));
		mvc.perform(post("/api/v1/choose").contentType(MediaType.APPLICATION_JSON).content("{\"intent\":\"time\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intent").value("time"));
	}

	@Test
	void unknownIntentIsNotFoundWithAMessage() throws Exception {
		given(chat.choose("gone", null, "web")).willThrow(new UnknownIntentException("gone"));
		mvc.perform(post("/api/v1/choose").contentType(MediaType.APPLICATION_JSON).content("{\"intent\":\"gone\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value("unknown intent: gone"));
	}

	@Test
	void rejectsMissingMalformedAndNonStringIntentsAndSessions() throws Exception {
		for (String body : List.of("{}", "{\"intent\":42}", "{\"intent\":\"Theme\"}", "{\"intent\":\"a b\"}",
				"{\"intent\":\"<script>\"}", "{\"intent\":\"theme\",\"sessionId\":7}",
				"{\"intent\":\"theme\",\"sessionId\":\"" + "x".repeat(AskController.MAX_SESSION_ID_LENGTH + 1) + "\"}",
				"{\"intent\":", "[\"theme\"]")) {
			mvc.perform(post("/api/v1/choose").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").isString());
		}
		then(chat).should(never()).choose(any(), any(), any());
	}

	@Test
	void rejectsTheWrongMethodAndContentType() throws Exception {
		mvc.perform(get("/api/v1/choose")).andExpect(status().isMethodNotAllowed());
		mvc.perform(post("/api/v1/choose").contentType(MediaType.TEXT_PLAIN).content("theme"))
			.andExpect(status().isUnsupportedMediaType());
	}

	/**
	 * The slice leaves out the app's security configuration; these endpoints are public
	 * there too.
	 */
	@TestConfiguration
	static class OpenSecurity {

		@Bean
		SecurityFilterChain open(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.csrf(csrf -> csrf.disable())
				.build();
		}

	}

}
