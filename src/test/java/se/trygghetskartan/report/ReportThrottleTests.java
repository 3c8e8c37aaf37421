package se.trygghetskartan.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportThrottleTests {

	@Test
	void anIpv6ClientCountsByItsSlash64AndAnIpv4ClientByItsAddress() {
		assertThat(ReportThrottle.network("2001:db8:1:2::1")).isEqualTo(ReportThrottle.network("2001:db8:1:2:ffff::9"))
			.isNotEqualTo(ReportThrottle.network("2001:db8:1:3::1"));
		assertThat(ReportThrottle.network("203.0.113.7")).isEqualTo("203.0.113.7");
	}

}
