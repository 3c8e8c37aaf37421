package se.trygghetskartan.ogcapi;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OgcCrsTests {

	@Test
	void namesWithOrWithoutAngleBracketsAndInEveryCommonSpellingGiveTheSameCrs() {
		assertThat(OgcCrs.parameter("crs", "<http://www.opengis.net/def/crs/EPSG/0/3006>")).isEqualTo(OgcCrs.EPSG_3006);
		assertThat(OgcCrs.parameter("crs", "http://www.opengis.net/def/crs/EPSG/0/3006")).isEqualTo(OgcCrs.EPSG_3006);
		assertThat(OgcCrs.parameter("crs", "urn:ogc:def:crs:EPSG::3006")).isEqualTo(OgcCrs.EPSG_3006);
		assertThat(OgcCrs.parameter("crs", "EPSG:4326")).isEqualTo(OgcCrs.EPSG_4326);
		assertThat(OgcCrs.parameter("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84")).isEqualTo(OgcCrs.CRS84);
		assertThat(OgcCrs.parameter("crs", null)).isEqualTo(OgcCrs.CRS84);
	}

	@Test
	void epsgCrssPutNorthingFirstAndCrs84LongitudeFirst() {
		assertThat(OgcCrs.EPSG_3006.northingFirst()).isTrue();
		assertThat(OgcCrs.EPSG_4326.northingFirst()).isTrue();
		assertThat(OgcCrs.CRS84.northingFirst()).isFalse();
		assertThat(OgcCrs.EPSG_3006.header()).isEqualTo("<http://www.opengis.net/def/crs/EPSG/0/3006>");
	}

	@Test
	void aCrsWeDoNotServeIsABadRequest() {
		assertThatThrownBy(() -> OgcCrs.parameter("crs", "EPSG:3857")).isInstanceOf(InvalidRequestException.class);
	}

}
