package se.trygghetskartan.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FragmentsTests {

	private static final Map<String, String> FRAGMENTS = Map.of("/fragments/header.html", """
			  <nav>
			    <a href="/" data-i18n="nav.map">Kartan</a>
			    <a href="/om" data-i18n="nav.about">Om</a>
			    <!-- login --><a href="/planering">Logga in</a>
			    <!-- account --><span id="account"></span>
			  </nav>
			""");

	@Test
	void aPlaceholderBecomesItsFragmentWithTheLinesThePageNamesAndItsLinkMarkedCurrent() {
		String page = "<body>\n  <!-- header: /om login -->\n  <main></main>\n</body>\n";

		assertThat(Fragments.insert(page, FRAGMENTS::get)).isEqualTo("""
				<body>
				  <nav>
				    <a href="/" data-i18n="nav.map">Kartan</a>
				    <a href="/om" aria-current="page" data-i18n="nav.about">Om</a>
				    <a href="/planering">Logga in</a>
				  </nav>
				  <main></main>
				</body>
				""");
	}

	@Test
	void aPlaceholderWithoutWordsKeepsOnlyTheLinesEveryPageHas() {
		assertThat(Fragments.insert("<!-- header: -->\n", FRAGMENTS::get)).isEqualTo("""
				  <nav>
				    <a href="/" data-i18n="nav.map">Kartan</a>
				    <a href="/om" data-i18n="nav.about">Om</a>
				  </nav>
				""");
	}

	@Test
	void aWordTheFragmentHasNoUseForOrAMissingFragmentIsAnError() {
		assertThatThrownBy(() -> Fragments.insert("<!-- header: /kontakt acount -->\n", FRAGMENTS::get))
			.hasMessageContaining("/kontakt, acount");
		assertThatThrownBy(() -> Fragments.insert("<!-- footer: -->\n", FRAGMENTS::get))
			.hasMessageContaining("No fragment footer");
	}

	@Test
	void everyPageOfTheFrontEndIsWholeWithItsFragments() throws IOException {
		List<Path> pages;
		try (var files = Files.walk(Path.of("frontend"))) {
			pages = files.filter(file -> file.toString().endsWith(".html") && !file.startsWith("frontend/fragments"))
				.toList();
		}
		assertThat(pages).hasSizeGreaterThanOrEqualTo(8);
		for (Path page : pages) {
			String html = Fragments.insert(Files.readString(page), path -> read(Path.of("frontend" + path)));

			assertThat(html).as(page.toString())
				.startsWith("<!doctype html>\n<html lang=\"sv\">\n<head>\n  <meta charset=\"utf-8\">\n")
				.contains("<header class=\"topbar\">", "class=\"skip-link\"", "<main ")
				.doesNotContain("<!--");
		}
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
