package se.trygghetskartan.system;

import java.util.Locale;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.util.NameTransformer;

import org.springframework.stereotype.Component;

/**
 * Reasons and violations as JSON, with their words in the language of the request being answered
 * (Spring MVC's, or the one a writer names as the attribute {@code Locale.class}). A reason inside
 * another object may be {@code @JsonUnwrapped}: then its code, args and reason are that object's.
 */
@Component
class ReasonJson extends SimpleModule {

	ReasonJson(Messages messages) {
		super("trygghetskartan-reasons");
		addSerializer(Reason.class, new ReasonSerializer(messages, false));
		addSerializer(Violation.class, new ViolationSerializer(messages));
	}

	private static void fields(Reason reason, Messages messages, JsonGenerator gen, SerializationContext context) {
		gen.writeStringProperty("code", reason.code());
		gen.writeName("args");
		context.writeValue(gen, reason.args());
		Locale locale = context.getAttribute(Locale.class) instanceof Locale chosen ? chosen : Messages.current();
		gen.writeStringProperty("reason", messages.text(reason, locale));
	}

	private static final class ReasonSerializer extends ValueSerializer<Reason> {

		private final Messages messages;

		private final boolean unwrapping;

		ReasonSerializer(Messages messages, boolean unwrapping) {
			this.messages = messages;
			this.unwrapping = unwrapping;
		}

		@Override
		public void serialize(Reason reason, JsonGenerator gen, SerializationContext context) {
			if (!unwrapping) {
				gen.writeStartObject(reason);
			}
			fields(reason, messages, gen, context);
			if (!unwrapping) {
				gen.writeEndObject();
			}
		}

		@Override
		public ValueSerializer<Reason> unwrappingSerializer(NameTransformer unwrapper) {
			return new ReasonSerializer(messages, true);
		}

		@Override
		public boolean isUnwrappingSerializer() {
			return unwrapping;
		}

	}

	private static final class ViolationSerializer extends ValueSerializer<Violation> {

		private final Messages messages;

		ViolationSerializer(Messages messages) {
			this.messages = messages;
		}

		@Override
		public void serialize(Violation violation, JsonGenerator gen, SerializationContext context) {
			gen.writeStartObject(violation);
			gen.writeStringProperty("field", violation.field());
			fields(violation.reason(), messages, gen, context);
			if (violation.position() != null) {
				gen.writeName("position");
				context.writeValue(gen, violation.position());
			}
			gen.writeEndObject();
		}

	}

}
