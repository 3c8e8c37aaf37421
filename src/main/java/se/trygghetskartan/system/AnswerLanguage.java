package se.trygghetskartan.system;

import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem Spring MVC answers gets its title and detail in the request's language, whichever
 * handler made it, and says which language that is ({@code Content-Language}); so does every
 * {@link Localized} answer.
 */
@ControllerAdvice
class AnswerLanguage implements ResponseBodyAdvice<Object> {

	private final Messages messages;

	AnswerLanguage(Messages messages) {
		this.messages = messages;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		Locale locale = Messages.current();
		if (body instanceof ProblemDetail problem) {
			ProblemResponses.localize(problem, messages, locale);
		}
		if (body instanceof ProblemDetail || body instanceof Localized) {
			response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		}
		return body;
	}

}
