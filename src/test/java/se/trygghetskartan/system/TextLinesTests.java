package se.trygghetskartan.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextLinesTests {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	static List<TextLines.Line> lines(byte[] bytes, Charset declared) throws IOException {
		List<TextLines.Line> lines = new ArrayList<>();
		try (TextLines reader = new TextLines(new ByteArrayInputStream(bytes), declared)) {
			for (TextLines.Line line = reader.next(); line != null; line = reader.next()) {
				lines.add(line);
			}
		}
		return lines;
	}

	static List<String> texts(byte[] bytes, Charset declared) throws IOException {
		return lines(bytes, declared).stream().map(line -> line.decoded() ? line.text() : "!" + line.undecodable()).toList();
	}

	@Test
	void everyKindOfLineBreakEndsALineAndTheLastNeedsNone() throws IOException {
		assertThat(texts("a\nb\r\nc\rd\n\ne".getBytes(StandardCharsets.UTF_8), null))
			.containsExactly("a", "b", "c", "d", "", "e");
		assertThat(texts("a\r\n".getBytes(StandardCharsets.UTF_8), null)).containsExactly("a");
		assertThat(texts(new byte[0], null)).isEmpty();
	}

	@Test
	void aByteOrderMarkWinsOverTheDeclaredCharsetAndIsNotPartOfTheText() throws IOException {
		String text = "\uFEFFid;kategori\nCP-1;Cykelstöld\n";

		assertThat(texts(text.getBytes(StandardCharsets.UTF_8), WINDOWS_1252)).containsExactly("id;kategori",
				"CP-1;Cykelstöld");
		assertThat(texts(text.getBytes(StandardCharsets.UTF_16LE), null)).containsExactly("id;kategori", "CP-1;Cykelstöld");
		assertThat(texts(text.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.UTF_8)).containsExactly("id;kategori",
				"CP-1;Cykelstöld");
		assertThat(texts("Nävertorp\n".getBytes(WINDOWS_1252), WINDOWS_1252)).containsExactly("Nävertorp");
	}

	@Test
	void onlyTheLinesWithBytesThatDoNotDecodeAreMarkedAndTheirNumbersCount() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("ett\n".getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes("två\n".getBytes(WINDOWS_1252));
		bytes.writeBytes("tre\nfyra ".getBytes(StandardCharsets.UTF_8));
		bytes.write(0xC3); // the first byte of "ö" in UTF-8, and the file ends

		List<TextLines.Line> lines = lines(bytes.toByteArray(), null);

		assertThat(lines).extracting(TextLines.Line::number).containsExactly(1, 2, 3, 4);
		assertThat(lines).extracting(TextLines.Line::decoded).containsExactly(true, false, true, false);
		assertThat(lines.get(1).undecodable()).isEqualTo(Reason.of(RequestError.LINE_UNDECODABLE, "charset", "UTF-8"));
		assertThat(lines(new byte[] { 'a', (byte) 0x81, '\n' }, WINDOWS_1252).get(0).undecodable())
			.isEqualTo(Reason.of(RequestError.LINE_UNDECODABLE, "charset", "windows-1252"));
	}

	@Test
	void charactersAcrossTheReadBufferAndLongLinesDecodeWhole() throws IOException {
		String line = "å".repeat(100_000) + "\uD83D\uDE93".repeat(50_000);
		byte[] bytes = ("x" + line + "\n" + line).getBytes(StandardCharsets.UTF_8);

		assertThat(texts(bytes, null)).containsExactly("x" + line, line);
		assertThat(texts((line + "\n").getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE))
			.containsExactly(line);
	}

	@Test
	void theHeaderMustDecodeAndNameSomething() {
		assertThatThrownBy(() -> new TextLines(new ByteArrayInputStream("år;värde\n".getBytes(WINDOWS_1252)), null).header())
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.violations()).containsExactly(
						new Violation("charset", RequestError.HEADER_UNDECODABLE, "charset", "UTF-8"));
			});
		assertThatThrownBy(() -> new TextLines(new ByteArrayInputStream(" \n".getBytes(WINDOWS_1252)), null).header())
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.status().value()).isEqualTo(422));
	}

	@Test
	void theCharsetComesFromTheContentTypeOrTheParameterAndMustBeKnownAndAgree() {
		assertThat(TextLines.declared("text/csv; charset=windows-1252", null)).isEqualTo(WINDOWS_1252);
		assertThat(TextLines.declared("text/csv;charset=\"ISO-8859-1\"", "")).isEqualTo(StandardCharsets.ISO_8859_1);
		assertThat(TextLines.declared("text/csv", " cp1252 ")).isEqualTo(WINDOWS_1252);
		assertThat(TextLines.declared("text/csv; charset=utf-8", "UTF8")).isEqualTo(StandardCharsets.UTF_8);
		assertThat(TextLines.declared(null, null)).isNull();
		assertThatThrownBy(() -> TextLines.declared("text/csv", "klingon"))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.violations())
				.containsExactly(new Violation("charset", RequestError.UNKNOWN_CHARSET, "charset", "klingon")));
		assertThatThrownBy(() -> TextLines.declared("text/csv; charset=utf-8", "windows-1252"))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.violations()).containsExactly(
					new Violation("charset", RequestError.CHARSETS_DISAGREE, "charset", "windows-1252", "declared", "UTF-8")));
	}

	@Test
	void aValueInAnErrorMessageIsCutToAHundredCharacters() {
		assertThat(Csv.cut("x".repeat(100))).isEqualTo("x".repeat(100));
		assertThat(Csv.cut("x".repeat(2_000_000))).isEqualTo("x".repeat(99) + "…");
		assertThat(Csv.cut("x".repeat(98) + "\uD83D\uDE93" + "x")).isEqualTo("x".repeat(98) + "…");
	}

}
