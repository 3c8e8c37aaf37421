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

class CsvRecordsTests {

	static List<String> read(byte[] bytes, Charset declared) throws IOException {
		List<String> records = new ArrayList<>();
		try (CsvRecords reader = new CsvRecords(new ByteArrayInputStream(bytes), declared)) {
			records.add("header " + reader.header());
			for (CsvRecords.Record record = reader.next(); record != null; record = reader.next()) {
				records.add(record.line() + " " + (record.readable() ? record.cells() : "!" + record.rejected().code()));
			}
		}
		return records;
	}

	static List<String> read(String text) throws IOException {
		return read(text.getBytes(StandardCharsets.UTF_8), null);
	}

	@Test
	void quotedCellsHoldSeparatorsQuotesAndLineBreaksAndARecordIsNumberedByItsFirstLine() throws IOException {
		assertThat(read("id;text;n\n1;\"a;b\";2\n2;\"rad ett\r\nrad \"\"två\"\"\nrad tre\";3\n3;c;4\n"))
			.containsExactly("header [id, text, n]", "2 [1, a;b, 2]", "3 [2, rad ett\nrad \"två\"\nrad tre, 3]",
					"6 [3, c, 4]");
	}

	@Test
	void theHeaderChoosesTheSeparatorAndMayBeQuoted() throws IOException {
		assertThat(read("\"id\",\"lon, deg\"\n1,\"16,2\"\n")).containsExactly("header [id, lon, deg]", "2 [1, 16,2]");
		assertThat(read("id\tlon\n1\t16,2\n")).containsExactly("header [id, lon]", "2 [1, 16,2]");
		assertThat(read("id;lon\n1;16,2\n")).containsExactly("header [id, lon]", "2 [1, 16,2]");
	}

	@Test
	void blankLinesAreSkippedButKeepTheNumbering() throws IOException {
		assertThat(read("id;n\n\n1;2\n   \n\n2;3")).containsExactly("header [id, n]", "3 [1, 2]", "6 [2, 3]");
	}

	@Test
	void aByteOrderMarkAndTheDeclaredCharsetStillDecideTheCharset() throws IOException {
		String text = "\uFEFFid;kategori\nCP-1;\"Cykelstöld\npå natten\"\n";

		assertThat(read(text.getBytes(StandardCharsets.UTF_16LE), null)).containsExactly("header [id, kategori]",
				"2 [CP-1, Cykelstöld\npå natten]");
		assertThat(read("id;stadsdel\n1;Nävertorp\n".getBytes(Charset.forName("windows-1252")),
				Charset.forName("windows-1252")))
			.containsExactly("header [id, stadsdel]", "2 [1, Nävertorp]");
	}

	@Test
	void aLineThatDoesNotDecodeOrHoldsANulRejectsItsRecordWithItsNumberAndTheRestIsRead() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("id;text\n1;ett\n".getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes("2;två\n".getBytes(Charset.forName("windows-1252")));
		bytes.writeBytes("3;\"tre\n".getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes("fyra ö\"\n".getBytes(Charset.forName("windows-1252")));
		bytes.writeBytes("5;fem\u0000\n6;sex\n".getBytes(StandardCharsets.UTF_8));

		assertThat(read(bytes.toByteArray(), null)).containsExactly("header [id, text]", "2 [1, ett]",
				"3 !line_undecodable", "4 !line_undecodable", "6 !line_nul", "7 [6, sex]");
	}

	@Test
	void aQuotedCellThatIsNeverClosedRejectsOnlyItsFirstLine() throws IOException {
		StringBuilder text = new StringBuilder("id;text\n1;\"öppen\n");
		for (int i = 2; i < CsvRecords.MAX_LINES + 20; i++) {
			text.append(i).append(";ok\n");
		}

		List<String> records = read(text.toString());

		assertThat(records.get(1)).isEqualTo("2 !quote_not_closed_within");
		assertThat(records.get(2)).isEqualTo("3 [2, ok]");
		assertThat(records).hasSize(CsvRecords.MAX_LINES + 20);
		assertThat(read("id;text\n1;ok\n2;\"öppen\n3;ok")).containsExactly("header [id, text]", "2 [1, ok]",
				"3 !quote_not_closed", "4 [3, ok]");
	}

	@Test
	void textAfterAClosingQuoteRejectsThatRecordOnly() throws IOException {
		assertThat(read("id;text\n1;\"a\"b;c\n2;ok\n")).containsExactly("header [id, text]",
				"2 !text_after_quote", "3 [2, ok]");
	}

	@Test
	void anEmptyFileOrAHeaderThatDoesNotDecodeIsRefused() {
		assertThatThrownBy(() -> read("\n\n")).isInstanceOfSatisfying(InvalidRequestException.class,
				ex -> assertThat(ex.violations().get(0).reason()).isEqualTo(Reason.of(RequestError.FILE_EMPTY)));
		assertThatThrownBy(() -> read(new byte[] { 'i', 'd', ';', (byte) 0xF6, '\n' }, null))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.violations().get(0).reason())
				.isEqualTo(Reason.of(RequestError.HEADER_UNDECODABLE, "charset", "UTF-8")));
	}

	@Test
	void aLongFileIsReadRecordByRecord() throws IOException {
		StringBuilder text = new StringBuilder("id;text\n");
		for (int i = 0; i < 50_000; i++) {
			text.append(i).append(i % 100 == 0 ? ";\"två\nrader\"\n" : ";en rad\n");
		}
		int count = 0;
		int lastLine = 0;
		try (CsvRecords reader = new CsvRecords(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
				null)) {
			for (CsvRecords.Record record = reader.next(); record != null; record = reader.next()) {
				assertThat(record.readable()).isTrue();
				count++;
				lastLine = record.line();
			}
		}
		assertThat(count).isEqualTo(50_000);
		assertThat(lastLine).isEqualTo(1 + 50_000 + 500);
	}

}
