package se.trygghetskartan.system;

import java.time.Duration;

import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat's part in the request limits and in answering every error with problem+json. */
@Configuration(proxyBeanMethods = false)
class TomcatConfig {

	/**
	 * How long Tomcat waits for the next bytes of a request body (its "upload timeout"; 60 s by
	 * default). RequestBodyLimitFilter checks the whole body's deadline between reads, so this bounds
	 * how far past the deadline one read can keep a request thread.
	 */
	@Bean
	TomcatProtocolHandlerCustomizer<AbstractHttp11Protocol<?>> bodyReadTimeout(
			@Value("${trygghetskartan.api.body-read-timeout:5s}") Duration timeout) {
		return protocol -> {
			protocol.setDisableUploadTimeout(false);
			protocol.setConnectionUploadTimeout(Math.toIntExact(timeout.toMillis()));
		};
	}

	/**
	 * Requests Tomcat refuses before the app sees them (a path with a NUL, say) get problem+json too.
	 * The host adds this valve when it starts, after Spring Boot's own error report valve, so it is
	 * the inner one and answers first.
	 */
	@Bean
	TomcatContextCustomizer problemReportValve() {
		return context -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(ProblemReportValve.class.getName());
	}

}
