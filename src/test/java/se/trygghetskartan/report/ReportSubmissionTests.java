package se.trygghetskartan.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSubmissionTests {

	@ParameterizedTest
	@ValueSource(strings = { "http://example.org", "se HTTPS://x.y/z", "www.otrygg.nu", "WWW.exempel.com",
			"gå till otryggt.se", "kolla billigt.com!", "katrineholm.kommun.se", "bilder på imgur.example/abc",
			"köp.nu idag" })
	void findsLinksAndDomainNames(String words) {
		assertThat(ReportSubmission.hasLink(words)).as(words).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mörkt, t.ex. vid kl. 22", "bl.a. på helger", "ca. 20 m från busshållplatsen",
			"Det är mörkt.Se upp vid tunneln", "3.5 meter hög mur", "Gångtunneln under väg 52 o.s.v.",
			"Skriv till mig om ni vill veta mer" })
	void leavesOrdinaryWordsAlone(String words) {
		assertThat(ReportSubmission.hasLink(words)).as(words).isFalse();
	}

}
