package se.trygghetskartan.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleGraphTests {

	@Test
	void findsEveryModuleImportedOverAndOverWithRelativePathsResolvedAndCyclesOnce() {
		Map<String, String> files = Map.of("/js/page.js", """
				import { a } from './ui/a.js';
				import sv from "./i18n/sv.js";
				import './side.js';
				export { b } from './b.js';
				""", "/js/ui/a.js", """
				import {
				  dom,
				  el as element,
				} from '../dom.js';
				import * as page from '../page.js';
				""", "/js/i18n/sv.js", "export default {};", "/js/side.js", "", "/js/b.js",
				"export const b = 1;\nexport * from '/js/dom.js';", "/js/dom.js", "export function dom() {}");

		ModuleGraph graph = ModuleGraph.of(List.of("/js/page.js"), files::get);

		assertThat(graph.loaded()).containsExactlyInAnyOrder("/js/page.js", "/js/ui/a.js", "/js/i18n/sv.js",
				"/js/side.js", "/js/b.js", "/js/dom.js");
		assertThat(graph.later()).isEmpty();
	}

	@Test
	void modulesImportedOnDemandAreLaterUnlessThePageLoadsThemAnyway() {
		Map<String, String> files = Map.of("/js/page.js", """
				import { dom } from './dom.js';
				button.onclick = () => import('./charts.js');
				const again = import( "./dom.js" );
				""", "/js/charts.js", "import { dom } from './dom.js';\nimport { c } from './colours.js';",
				"/js/dom.js", "", "/js/colours.js", "");

		ModuleGraph graph = ModuleGraph.of(List.of("/js/page.js"), files::get);

		assertThat(graph.loaded()).containsExactlyInAnyOrder("/js/page.js", "/js/dom.js");
		assertThat(graph.later()).containsExactlyInAnyOrder("/js/charts.js", "/js/colours.js");
	}

	@Test
	void declarationsStringsAndOtherPeoplesModulesAreNotImports() {
		Map<String, String> files = Map.of("/js/page.js", """
				export const from = 'x.js';
				export function load(name) { return `./${name}.js`; }
				const text = "import x from './nothing.js'";
				import L from 'leaflet';
				import { y } from 'https://cdn.example.org/y.js';
				""");

		assertThat(ModuleGraph.of(List.of("/js/page.js"), files::get).loaded()).containsExactly("/js/page.js");
	}

	@Test
	void anImportOfAMissingModuleIsAnError() {
		Map<String, String> files = Map.of("/js/page.js", "import { x } from './gone.js';");

		assertThatThrownBy(() -> ModuleGraph.of(List.of("/js/page.js"), files::get))
			.hasMessageContaining("/js/gone.js");
	}

}
