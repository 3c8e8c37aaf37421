package se.trygghetskartan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

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
					"measure", "municipality", "neighbourhood", "ogcapi", "overview", "page", "place", "promise", "security", "survey", "system",
					"tiles", "vocabulary");
	}

	// Spring Modulith 2.0.3 reads the Javadoc it collected with a JSON parser that trips over a comma
	// inside double quotes in a comment (spring-modulith#1762): write such quotes as {@code} or “ ”.
	@Test
	void theModuleDocumentationIsWrittenToDocsModules() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString()))
			.writeDocumentation();
		sortRelations();

		assertThat(DOCUMENTATION.resolve("components.puml")).exists();
		MODULES.forEach(module -> assertThat(DOCUMENTATION.resolve("module-" + module.getIdentifier() + ".adoc")).exists());
	}

	/**
	 * The Documenter writes a diagram's relations in the order of a hash set, which changes from run to
	 * run: sorted, the files change only when the modules do.
	 */
	private static void sortRelations() throws IOException {
		try (Stream<Path> files = Files.list(DOCUMENTATION)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				List<String> lines = new ArrayList<>(Files.readAllLines(file));
				List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
				int next = 0;
				for (int i = 0; i < lines.size(); i++) {
					if (lines.get(i).startsWith("Rel(")) {
						lines.set(i, relations.get(next++));
					}
				}
				Files.write(file, lines);
			}
		}
	}

}
