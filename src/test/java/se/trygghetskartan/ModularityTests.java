package se.trygghetskartan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.json.BasicJsonParser;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(TrygghetskartanApplication.class);

	/** Where the module documentation goes, committed so that the README can link it; each build writes it anew. */
	static final Path DOCUMENTATION = Path.of("docs/modules");

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirPublicApiAndWithoutCycles() {
		MODULES.verify();
	}

	@Test
	void everyPackageUnderTheApplicationIsAModuleAndAllAreVerified() throws IOException {
		List<String> packages;
		try (Stream<Path> children = Files.list(Path.of("src/main/java/se/trygghetskartan"))) {
			packages = children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
		}

		assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
			.containsExactlyInAnyOrderElementsOf(packages)
			.containsExactlyInAnyOrder("account", "activity", "demo", "exchange", "geo", "history", "incident",
					"mail", "measure", "municipality", "neighbourhood", "notification", "ogcapi", "open311", "overview", "page",
					"place",
					"promise", "report", "security", "survey", "system", "tiles", "vocabulary");
	}

	// Spring Modulith 2.0.3 reads the Javadoc it collected with a JSON parser that trips over a comma
	// inside double quotes in a comment (spring-modulith#1762): write such quotes as {@code} or “ ”.
	// It also counts brackets inside texts: "[from, to)" in one comment swallows every comment after it.
	@Test
	void everyCollectedJavadocCommentReachesTheDocumenter() throws IOException {
		String collected = Files.readString(Path.of("target/generated-spring-modulith/javadoc.json"));
		List<?> asModulithReadsIt = new BasicJsonParser().parseList(collected);
		assertThat(asModulithReadsIt).as("comments read by Spring Boot's BasicJsonParser, as the Documenter reads them")
			.hasSameSizeAs(JsonMapper.shared().readTree(collected));
	}

	@Test
	void theModuleDocumentationIsWrittenToDocsModules() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString()))
			.writeDocumentation();
		sortRelations();

		assertThat(DOCUMENTATION.resolve("components.puml")).exists();
		MODULES.forEach(module -> assertThat(DOCUMENTATION.resolve("module-" + module.getIdentifier() + ".adoc")).exists());
	}

	/**
	 * The Documenter writes a diagram's relations and components, and a module's lists of events, in
	 * the order of hash sets, which changes from run to run: sorted, the files change only when the
	 * modules do.
	 */
	private static void sortRelations() throws IOException {
		try (Stream<Path> files = Files.list(DOCUMENTATION)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc")).toList()) {
				List<String> lines = new ArrayList<>(Files.readAllLines(file));
				sortRuns(lines, line -> line.startsWith("Rel("), false);
				sortRuns(lines, line -> line.strip().startsWith("Component("), false);
				// An AsciiDoc table cell's list: "|* `a`" then "* `b`"…; the cell's bar stays on the first.
				sortRuns(lines, line -> line.startsWith("* `"), true);
				Files.write(file, lines);
			}
		}
	}

	// Sorts each run of consecutive lines that match; with a cell, the run begins with the line before
	// it when that one is the same with a leading bar.
	private static void sortRuns(List<String> lines, java.util.function.Predicate<String> member, boolean cell) {
		for (int i = 0; i < lines.size(); i++) {
			boolean cellStart = cell && lines.get(i).startsWith("|") && member.test(lines.get(i).substring(1));
			if (!cellStart && !member.test(lines.get(i))) {
				continue;
			}
			int end = i + 1;
			while (end < lines.size() && member.test(lines.get(end))) {
				end++;
			}
			List<String> run = new ArrayList<>(lines.subList(i, end));
			if (cellStart) {
				run.set(0, run.get(0).substring(1));
			}
			run.sort(null);
			if (cellStart) {
				run.set(0, "|" + run.get(0));
			}
			for (int k = 0; k < run.size(); k++) {
				lines.set(i + k, run.get(k));
			}
			i = end - 1;
		}
	}

}
