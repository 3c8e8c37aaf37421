package se.trygghetskartan.page;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ES modules a page loads, read from their import statements: the page's entry modules and what
 * they import ({@code import … from './x.js'}, {@code export … from}), over and over, are loaded with
 * the page ({@link #loaded}); what they import with {@code import('./y.js')} may be loaded later
 * ({@link #later}). Paths are absolute ({@code /js/ui/views.js}); bare specifiers and full URLs are
 * not ours and left out.
 */
record ModuleGraph(Set<String> loaded, Set<String> later) {

	// At the start of a line, as the modules write them; the clause before "from" may span lines.
	private static final Pattern STATIC = Pattern.compile(
			"^[ \\t]*(?:import|export)\\s+(?:[\\w*{}\\s,$]+?\\s+from\\s*)?['\"]([^'\"\\n]+)['\"]", Pattern.MULTILINE);

	private static final Pattern DYNAMIC = Pattern.compile("\\bimport\\(\\s*['\"]([^'\"\\n]+)['\"]\\s*\\)");

	/**
	 * The graph from these entry modules; {@code source} gives a module's text, or null when there is
	 * no such file, which is an error: the page would fail to load it.
	 */
	static ModuleGraph of(Collection<String> entries, Function<String, String> source) {
		Set<String> loaded = new LinkedHashSet<>();
		Set<String> later = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>(entries);
		Set<String> dynamic = new LinkedHashSet<>();
		while (!todo.isEmpty()) {
			String module = todo.poll();
			if (!loaded.add(module)) {
				continue;
			}
			String text = read(module, source);
			imports(module, text, STATIC).forEach(todo::add);
			dynamic.addAll(imports(module, text, DYNAMIC));
		}
		// What is imported later, and all it imports, unless the page loads it anyway.
		todo.addAll(dynamic);
		while (!todo.isEmpty()) {
			String module = todo.poll();
			if (loaded.contains(module) || !later.add(module)) {
				continue;
			}
			String text = read(module, source);
			todo.addAll(imports(module, text, STATIC));
			todo.addAll(imports(module, text, DYNAMIC));
		}
		return new ModuleGraph(loaded, later);
	}

	private static String read(String module, Function<String, String> source) {
		String text = source.apply(module);
		if (text == null) {
			throw new IllegalStateException("The module " + module + " is imported but does not exist");
		}
		return text;
	}

	private static Set<String> imports(String module, String text, Pattern pattern) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			String specifier = matcher.group(1);
			if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")) {
				found.add(URI.create(module).resolve(specifier).normalize().getPath());
			}
		}
		return found;
	}

}
