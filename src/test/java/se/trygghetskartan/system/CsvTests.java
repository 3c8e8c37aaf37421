package se.trygghetskartan.system;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void exportedTextThatASpreadsheetWouldRunAsAFormulaStartsWithAQuote() throws IOException {
		String csv = Csv.export(List.of("text", "n"),
				List.of(List.of("=1+1", 1), List.of("+46 150", -2), List.of("-1+1", 3), List.of("@SUM(A1)", 4),
						List.of("\tA", 5), List.of("\rB", 6), List.of("Bra; \"mycket\"\nbra", 7), Arrays.asList(null, 8)));

		assertThat(csv).startsWith("\uFEFFtext;n\r\n");
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setDelimiter(';')
			.get()
			.parse(new StringReader(csv.substring(1)))
			.getRecords();
		assertThat(records.stream().skip(1).map(r -> r.get(0)))
			.containsExactly("'=1+1", "'+46 150", "'-1+1", "'@SUM(A1)", "'\tA", "'\rB", "Bra; \"mycket\"\nbra", "");
		assertThat(records.stream().skip(1).map(r -> r.get(1))).containsExactly("1", "-2", "3", "4", "5", "6", "7", "8");
		assertThat(csv).contains("\"'=1+1\";\"1\"\r\n");
	}

	@Test
	void everyAliasNamesOneColumnWhateverItsCase() {
		CsvHeader header = new CsvHeader(List.of(" Longitude", "LAT", "occurred_from", "Stadsdel", "unknown"));

		assertThat(header.has(CsvColumn.LON)).isTrue();
		assertThat(header.has(CsvColumn.LAT)).isTrue();
		assertThat(header.has(CsvColumn.OCCURRED_FROM)).isTrue();
		assertThat(header.has(CsvColumn.DISTRICT)).isTrue();
		assertThat(header.has(CsvColumn.EASTING)).isFalse();
		assertThat(header.cell(List.of("16.2 ", "59", "2024-01-01", "centrum", "x"), CsvColumn.LON)).isEqualTo("16.2");
		assertThat(Arrays.stream(CsvColumn.values()).flatMap(c -> c.names().stream()).distinct().count())
			.isEqualTo(Arrays.stream(CsvColumn.values()).mapToLong(c -> c.names().size()).sum());
	}

}
