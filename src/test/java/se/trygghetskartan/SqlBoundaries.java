package se.trygghetskartan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that module boundaries hold in SQL as they do in Java. Each module's {@code package-info.java}
 * says which tables it owns and which views it publishes ("Tables: {@code a}, {@code b}. Published
 * views: {@code v}."); the migrations create them. Then:
 * <ul>
 * <li>a module's SQL (string literals and text blocks in its Java sources, and the migrations named
 * after it) names only its own tables and views, and the views other modules publish, which it
 * reads and never writes;</li>
 * <li>a foreign key may point at another module's table: it is a link by id that PostgreSQL keeps
 * true, as a Java module refers to another's items by id. It makes the module depend on the other,
 * so it may only point down the module graph;</li>
 * <li>reading another module's published view, or holding a foreign key to its table, is a
 * dependency too: together with the Java dependencies that Spring Modulith sees, the modules must
 * form no cycle.</li>
 * </ul>
 * Migrations up to {@value #LAST_UNCHECKED_MIGRATION} were applied before the boundaries were drawn
 * and cannot change: of them only what lasts is checked (the foreign keys, and a view's definition
 * until a later migration replaces it); their one-off statements are history.
 */
final class SqlBoundaries {

	/**
	 * The last migration written before the SQL boundaries existed (V15 and V16 were written beside
	 * them, and V15's one-off filling of the timelines from the change history is history too).
	 */
	static final int LAST_UNCHECKED_MIGRATION = 16;

	/** What a module's SQL does with a table or view. */
	enum Access {

		READ, WRITE, FOREIGN_KEY, CREATE_TABLE, CREATE_VIEW, ALTER, DROP

	}

	/** A table or view named in SQL, and where. */
	record Reference(String relation, Access access, String where) {
	}

	/** A piece of SQL of a module: a Java literal or a migration statement. */
	record Sql(String module, String where, String text, int migration) {
	}

	/** What a module says it owns, from its package-info. */
	record Ownership(Set<String> tables, Set<String> views) {
	}

	/** Everything the check looks at; tests may add to it by hand. */
	record Project(Map<String, Ownership> ownership, List<Sql> javaSql, List<Sql> migrations,
			Map<String, Set<String>> javaDependencies) {

		/** The project with one more piece of a module's SQL: Java's, or a migration's when {@code migration > 0}. */
		Project with(Sql sql) {
			List<Sql> java = new ArrayList<>(javaSql);
			List<Sql> statements = new ArrayList<>(migrations);
			(sql.migration() > 0 ? statements : java).add(sql);
			return new Project(ownership, java, statements, javaDependencies);
		}

	}

	/** What the check found: the broken boundaries as sentences, and which module depends on which in SQL. */
	record Result(List<String> violations, Map<String, Set<String>> sqlDependencies) {
	}

	// V<n>__<module>_<change>.sql, or V<n>_<m>__… for several modules' parts of one change.
	private static final Pattern MIGRATION = Pattern.compile("V(\\d+)(?:_(\\d+))?__([a-z]+)_.*\\.sql");

	private static final Pattern DECLARED = Pattern.compile("(Tables|Published views): ((?:\\{@code [a-z0-9_]+\\}(?:, | and )?)+|none)\\.");

	private static final Pattern CODE = Pattern.compile("\\{@code ([a-z0-9_]+)\\}");

	private SqlBoundaries() {
	}

	/** The project in this working tree. */
	static Project load(Path root, Map<String, Set<String>> javaDependencies) {
		Path sources = root.resolve("src/main/java/se/trygghetskartan");
		Path migrations = root.resolve("db/migration");
		Map<String, Ownership> ownership = new TreeMap<>();
		List<Sql> javaSql = new ArrayList<>();
		try (Stream<Path> modules = Files.list(sources)) {
			for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
				String name = module.getFileName().toString();
				ownership.put(name, ownership(Files.readString(module.resolve("package-info.java"))));
				try (Stream<Path> files = Files.walk(module)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
						String where = root.relativize(file).toString();
						for (JavaLiteral literal : JavaLiteral.all(Files.readString(file))) {
							javaSql.add(new Sql(name, where + ":" + literal.line(), literal.sql(), 0));
						}
					}
				}
			}
			List<Sql> statements = new ArrayList<>();
			try (Stream<Path> files = Files.list(migrations)) {
				List<Path> sorted = files.filter(f -> MIGRATION.matcher(f.getFileName().toString()).matches())
					.sorted(Comparator.comparingInt((Path f) -> version(f, 1)).thenComparingInt(f -> version(f, 2)))
					.toList();
				for (Path file : sorted) {
					Matcher name = MIGRATION.matcher(file.getFileName().toString());
					name.matches();
					for (String statement : Tokens.statements(Files.readString(file))) {
						statements.add(new Sql(name.group(3), file.getFileName().toString(), statement, version(file, 1)));
					}
				}
			}
			return new Project(ownership, javaSql, statements, javaDependencies);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int version(Path migration, int part) {
		Matcher name = MIGRATION.matcher(migration.getFileName().toString());
		name.matches();
		return name.group(part) == null ? 0 : Integer.parseInt(name.group(part));
	}

	/** The tables and views a package-info declares: "Tables: …. Published views: …." */
	static Ownership ownership(String packageInfo) {
		String text = packageInfo.replaceAll("\\s*\\n\\s*\\*\\s?", " ");
		Map<String, Set<String>> lists = new HashMap<>();
		Matcher declared = DECLARED.matcher(text);
		while (declared.find()) {
			Set<String> names = new LinkedHashSet<>();
			Matcher code = CODE.matcher(declared.group(2));
			while (code.find()) {
				names.add(code.group(1));
			}
			lists.put(declared.group(1), names);
		}
		if (!lists.containsKey("Tables") || !lists.containsKey("Published views")) {
			throw new IllegalArgumentException("package-info must say \"Tables: {@code …}.\" and \"Published views: "
					+ "{@code …}.\" (or \"none.\"): " + text);
		}
		return new Ownership(lists.get("Tables"), lists.get("Published views"));
	}

	/** Every way the project breaks a boundary, and the dependencies its SQL makes. */
	static Result check(Project project) {
		List<String> found = new ArrayList<>();
		Map<String, String> owners = new TreeMap<>();
		Set<String> published = new TreeSet<>();
		project.ownership().forEach((module, owns) -> {
			for (String name : owns.tables()) {
				String earlier = owners.put(name, module);
				if (earlier != null) {
					found.add("modules " + earlier + " and " + module + " both declare " + name);
				}
			}
			for (String name : owns.views()) {
				String earlier = owners.put(name, module);
				if (earlier != null) {
					found.add("modules " + earlier + " and " + module + " both declare " + name);
				}
				published.add(name);
			}
		});

		// What the migrations leave behind: relations, the last definition of each view, foreign keys.
		Map<String, Access> created = new TreeMap<>();
		Map<String, Sql> viewDefinitions = new HashMap<>();
		Map<String, Set<String>> sqlDependencies = new TreeMap<>();
		for (Sql statement : project.migrations()) {
			List<Reference> references = Tokens.references(statement, owners.keySet());
			for (Reference reference : references) {
				switch (reference.access()) {
					case CREATE_TABLE, CREATE_VIEW -> created.put(reference.relation(), reference.access());
					case DROP -> {
						created.remove(reference.relation());
						viewDefinitions.remove(reference.relation());
					}
					default -> {
					}
				}
			}
			references.stream()
				.filter(r -> r.access() == Access.CREATE_VIEW)
				.findFirst()
				.ifPresent(view -> viewDefinitions.put(view.relation(), statement));
			for (Reference reference : references) {
				if (reference.access() == Access.FOREIGN_KEY) {
					String table = references.stream()
						.filter(r -> r.access() == Access.CREATE_TABLE || r.access() == Access.ALTER)
						.findFirst()
						.orElseThrow()
						.relation();
					String from = owners.get(table);
					String to = owners.get(reference.relation());
					if (from != null && to != null && !from.equals(to)) {
						sqlDependencies.computeIfAbsent(from, m -> new TreeSet<>()).add(to);
					}
				}
			}
			if (statement.migration() > LAST_UNCHECKED_MIGRATION) {
				check(statement, references, owners, published, sqlDependencies, found);
			}
		}
		for (Sql definition : viewDefinitions.values()) {
			if (definition.migration() <= LAST_UNCHECKED_MIGRATION) {
				List<Reference> references = Tokens.references(definition, owners.keySet());
				String view = references.stream().filter(r -> r.access() == Access.CREATE_VIEW).findFirst().orElseThrow().relation();
				String owner = owners.getOrDefault(view, definition.module());
				check(new Sql(owner, definition.where(), definition.text(), definition.migration()), references, owners,
						published, sqlDependencies, found);
			}
		}
		for (String name : owners.keySet()) {
			if (!created.containsKey(name)) {
				found.add("module " + owners.get(name) + " declares " + name + ", which no migration creates");
			}
			else if (published.contains(name) && created.get(name) != Access.CREATE_VIEW) {
				found.add("module " + owners.get(name) + " publishes " + name + ", which is a table, not a view");
			}
		}
		for (String name : created.keySet()) {
			if (!owners.containsKey(name)) {
				found.add(name + " is created by a migration but no module's package-info declares it");
			}
		}

		for (Sql sql : project.javaSql()) {
			check(sql, Tokens.references(sql, owners.keySet()), owners, published, sqlDependencies, found);
		}

		// SQL dependencies may not close a cycle with each other or with the Java ones. One that Java
		// has as well adds nothing: a cycle through it is the other dependency's fault.
		Map<String, Set<String>> all = new TreeMap<>();
		project.javaDependencies().forEach((m, deps) -> all.computeIfAbsent(m, k -> new TreeSet<>()).addAll(deps));
		sqlDependencies.forEach((m, deps) -> all.computeIfAbsent(m, k -> new TreeSet<>()).addAll(deps));
		sqlDependencies.forEach((from, targets) -> {
			for (String to : targets) {
				if (project.javaDependencies().getOrDefault(from, Set.of()).contains(to)) {
					continue;
				}
				List<String> back = path(all, to, from);
				if (back != null) {
					found.add("module " + from + " depends on " + to + " in SQL, but " + String.join(" -> ", back)
							+ " closes a cycle");
				}
			}
		});
		return new Result(found, sqlDependencies);
	}

	private static void check(Sql sql, List<Reference> references, Map<String, String> owners, Set<String> published,
			Map<String, Set<String>> sqlDependencies, List<String> found) {
		for (Reference reference : references) {
			String owner = owners.get(reference.relation());
			if (owner == null || owner.equals(sql.module())) {
				continue;
			}
			String kind = published.contains(reference.relation()) ? "view" : "table";
			boolean allowed = switch (reference.access()) {
				case READ -> published.contains(reference.relation());
				case FOREIGN_KEY -> !published.contains(reference.relation());
				default -> false;
			};
			if (allowed) {
				sqlDependencies.computeIfAbsent(sql.module(), m -> new TreeSet<>()).add(owner);
			}
			else {
				found.add("module " + sql.module() + " " + verb(reference.access()) + " " + kind + " "
						+ reference.relation() + " of module " + owner + " (" + sql.where() + ")");
			}
		}
	}

	private static String verb(Access access) {
		return switch (access) {
			case READ -> "names";
			case WRITE -> "writes";
			case FOREIGN_KEY -> "points a foreign key at";
			case CREATE_TABLE, CREATE_VIEW -> "creates";
			case ALTER -> "alters";
			case DROP -> "drops";
		};
	}

	// A path of dependencies from one module to another, or null.
	private static List<String> path(Map<String, Set<String>> graph, String from, String to) {
		Deque<List<String>> queue = new ArrayDeque<>();
		Set<String> seen = new LinkedHashSet<>();
		queue.add(List.of(from));
		while (!queue.isEmpty()) {
			List<String> path = queue.poll();
			String last = path.get(path.size() - 1);
			if (last.equals(to)) {
				return path;
			}
			for (String next : graph.getOrDefault(last, Set.of())) {
				if (seen.add(next)) {
					List<String> longer = new ArrayList<>(path);
					longer.add(next);
					queue.add(longer);
				}
			}
		}
		return null;
	}

	/** A string literal or text block of a Java source, with the line it starts on. */
	record JavaLiteral(int line, String text, String before) {

		// Literals that name a table without SQL around them: JPA's table names, FeatureQuery's table.
		private static final Pattern TABLE_ARGUMENT = Pattern.compile(
				"(@(Table|CollectionTable|JoinTable|SecondaryTable)\\s*\\(\\s*name\\s*=|new\\s+FeatureQuery\\s*\\()\\s*$");

		private static final Pattern QUALIFIED = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

		/** The literal as SQL: a bare table name in a table's place, or "table.column", becomes a FROM. */
		String sql() {
			if (TABLE_ARGUMENT.matcher(before).find() || QUALIFIED.matcher(text).matches()) {
				return "FROM " + text.replaceAll("\\..*", "");
			}
			return text;
		}

		static List<JavaLiteral> all(String source) {
			List<JavaLiteral> literals = new ArrayList<>();
			int line = 1;
			int i = 0;
			while (i < source.length()) {
				char c = source.charAt(i);
				if (source.startsWith("//", i)) {
					i = end(source, source.indexOf('\n', i));
				}
				else if (source.startsWith("/*", i)) {
					int end = end(source, source.indexOf("*/", i) + 2);
					line += count(source, i, end);
					i = end;
				}
				else if (source.startsWith("\"\"\"", i)) {
					int end = source.indexOf("\"\"\"", i + 3);
					while (source.charAt(end - 1) == '\\') {
						end = source.indexOf("\"\"\"", end + 1);
					}
					literals.add(new JavaLiteral(line, source.substring(i + 3, end), before(source, i)));
					line += count(source, i, end);
					i = end + 3;
				}
				else if (c == '"' || c == '\'') {
					StringBuilder text = new StringBuilder();
					int j = i + 1;
					while (source.charAt(j) != c) {
						if (source.charAt(j) == '\\') {
							j++;
						}
						text.append(source.charAt(j));
						j++;
					}
					if (c == '"') {
						literals.add(new JavaLiteral(line, text.toString(), before(source, i)));
					}
					i = j + 1;
				}
				else {
					if (c == '\n') {
						line++;
					}
					i++;
				}
			}
			return literals;
		}

		private static int end(String source, int index) {
			return index < 0 ? source.length() : index;
		}

		private static int count(String source, int from, int to) {
			int n = 0;
			for (int i = from; i < to; i++) {
				if (source.charAt(i) == '\n') {
					n++;
				}
			}
			return n;
		}

		private static String before(String source, int index) {
			return source.substring(Math.max(0, index - 60), index);
		}

	}

	/** SQL read as words and marks, enough to tell where tables are named. */
	static final class Tokens {

		private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "left", "right", "inner", "outer",
				"cross", "full", "on", "group", "order", "limit", "offset", "window", "union", "except", "intersect",
				"having", "returning", "set", "using", "natural", "lateral", "for", "fetch", "values", "select", "and",
				"or", "then", "when", "else", "end", "with", "do", "into", "tablesample");

		private final List<String> words = new ArrayList<>();

		private Tokens(String sql) {
			int i = 0;
			while (i < sql.length()) {
				char c = sql.charAt(i);
				if (sql.startsWith("--", i)) {
					int end = sql.indexOf('\n', i);
					i = end < 0 ? sql.length() : end;
				}
				else if (sql.startsWith("/*", i)) {
					int end = sql.indexOf("*/", i);
					i = end < 0 ? sql.length() : end + 2;
				}
				else if (c == '\'') {
					int j = i + 1;
					while (j < sql.length() && !(sql.charAt(j) == '\'' && (j + 1 >= sql.length() || sql.charAt(j + 1) != '\''))) {
						j += sql.charAt(j) == '\'' ? 2 : 1;
					}
					words.add("'");
					i = j + 1;
				}
				else if (c == '"') {
					int end = sql.indexOf('"', i + 1);
					end = end < 0 ? sql.length() : end;
					words.add(sql.substring(i + 1, end).toLowerCase(Locale.ROOT));
					i = end + 1;
				}
				else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
					words.add("::");
					i += 2;
				}
				else if ((c == ':' || c == '$' || c == '%') && i + 1 < sql.length()
						&& Character.isLetterOrDigit(sql.charAt(i + 1))) {
					// A named parameter (:id), a dollar quote or positional parameter, a format specifier.
					int j = i + 1;
					while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
							|| sql.charAt(j) == '$')) {
						j++;
					}
					i = j;
				}
				else if (Character.isLetter(c) || c == '_') {
					int j = i;
					while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
						j++;
					}
					words.add(sql.substring(i, j).toLowerCase(Locale.ROOT));
					i = j;
				}
				else if (Character.isDigit(c)) {
					while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
						i++;
					}
				}
				else {
					if (!Character.isWhitespace(c)) {
						words.add(String.valueOf(c));
					}
					i++;
				}
			}
		}

		/** The statements of a migration, split at semicolons outside quotes, comments and dollar quotes. */
		static List<String> statements(String migration) {
			List<String> statements = new ArrayList<>();
			int start = 0;
			int i = 0;
			while (i < migration.length()) {
				char c = migration.charAt(i);
				if (migration.startsWith("--", i)) {
					int end = migration.indexOf('\n', i);
					i = end < 0 ? migration.length() : end;
				}
				else if (migration.startsWith("/*", i)) {
					i = migration.indexOf("*/", i) + 2;
				}
				else if (c == '\'') {
					i = migration.indexOf('\'', i + 1) + 1;
				}
				else if (c == '$') {
					Matcher tag = Pattern.compile("\\$[A-Za-z_]*\\$").matcher(migration).region(i, migration.length());
					if (tag.lookingAt()) {
						i = migration.indexOf(tag.group(), tag.end()) + tag.group().length();
					}
					else {
						i++;
					}
				}
				else if (c == ';') {
					statements.add(migration.substring(start, i));
					start = ++i;
				}
				else {
					i++;
				}
			}
			if (!migration.substring(start).isBlank()) {
				statements.add(migration.substring(start));
			}
			return statements.stream().filter(s -> !new Tokens(s).words.isEmpty()).toList();
		}

		/** The known tables and views the SQL names, each with what it does with it. */
		static List<Reference> references(Sql sql, Set<String> known) {
			return new Tokens(sql.text()).references(sql.where(), known);
		}

		private List<Reference> references(String where, Set<String> known) {
			List<Reference> found = new ArrayList<>();
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				String previous = i > 0 ? words.get(i - 1) : "";
				switch (word) {
					case "from", "join" -> fromList(i + 1, previous.equals("delete") ? Access.WRITE : Access.READ, where,
							known, found);
					case "into" -> name(i + 1, Access.WRITE, where, known, found);
					case "update" -> {
						if (!Set.of("for", "do", "or", "before", "after", "on").contains(previous)) {
							name(i + 1, Access.WRITE, where, known, found);
						}
					}
					case "truncate" -> name(i + 1, Access.WRITE, where, known, found);
					case "table" -> name(i + 1, switch (previous) {
						case "create", "unlogged", "temp", "temporary" -> Access.CREATE_TABLE;
						case "drop" -> Access.DROP;
						case "alter" -> Access.ALTER;
						default -> Access.WRITE;
					}, where, known, found);
					case "view" -> name(i + 1, switch (previous) {
						case "drop" -> Access.DROP;
						case "alter" -> Access.ALTER;
						default -> Access.CREATE_VIEW;
					}, where, known, found);
					case "references" -> name(i + 1, Access.FOREIGN_KEY, where, known, found);
					case "on" -> {
						// CREATE INDEX … ON t, CREATE TRIGGER … ON t; a join's ON is followed by a condition.
						if (i + 1 < words.size() && known.contains(words.get(i + 1))
								&& (i + 2 >= words.size() || !words.get(i + 2).equals("."))) {
							name(i + 1, Access.ALTER, where, known, found);
						}
					}
					default -> {
					}
				}
			}
			return found;
		}

		// FROM a x, b AS y, f(…) z, (SELECT …) w: every table of the list.
		private void fromList(int i, Access access, String where, Set<String> known, List<Reference> found) {
			while (i < words.size()) {
				while (i < words.size() && Set.of("only", "lateral").contains(words.get(i))) {
					i++;
				}
				if (i >= words.size()) {
					return;
				}
				if (words.get(i).equals("(")) {
					i = skipParentheses(i);
				}
				else if (i + 1 < words.size() && words.get(i + 1).equals("(")) {
					i = skipParentheses(i + 1);
				}
				else {
					i = name(i, access, where, known, found);
				}
				if (i < words.size() && words.get(i).equals("as")) {
					i++;
				}
				if (i < words.size() && isWord(words.get(i)) && !NOT_AN_ALIAS.contains(words.get(i))) {
					i++;
					if (i < words.size() && words.get(i).equals("(")) {
						i = skipParentheses(i);
					}
				}
				if (i >= words.size() || !words.get(i).equals(",")) {
					return;
				}
				i++;
			}
		}

		// Reads a (possibly schema-qualified) name at i; returns the index after it.
		private int name(int i, Access access, String where, Set<String> known, List<Reference> found) {
			while (i < words.size() && Set.of("if", "not", "exists", "only", "or", "replace", "materialized")
				.contains(words.get(i))) {
				i++;
			}
			if (i >= words.size() || !isWord(words.get(i))) {
				return i;
			}
			String name = words.get(i);
			if (i + 2 < words.size() && words.get(i + 1).equals(".") && isWord(words.get(i + 2))) {
				name = words.get(i + 2);
				i += 2;
			}
			// A table or view being created counts even when no module declares it: that is a finding.
			if (known.contains(name) || access == Access.CREATE_TABLE || access == Access.CREATE_VIEW) {
				found.add(new Reference(name, access, where));
			}
			return i + 1;
		}

		private int skipParentheses(int i) {
			int depth = 0;
			do {
				if (words.get(i).equals("(")) {
					depth++;
				}
				else if (words.get(i).equals(")")) {
					depth--;
				}
				i++;
			}
			while (depth > 0 && i < words.size());
			return i;
		}

		private static boolean isWord(String token) {
			return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_';
		}

	}

}
