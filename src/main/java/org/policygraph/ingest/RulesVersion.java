package org.policygraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The version of the extraction rules, part of every article's content hash: a digest of
 * the rule tables the extractor reads ({@code extraction/*.tsv}), of the reference tables
 * it resolves names with ({@code reference/*.tsv}) and of the compiled code of both
 * packages (rules are also written in Java: the extractor's patterns, the resolver).
 * Editing, adding or removing one of these files changes the version, so the next ingest
 * of an article counts it as changed and extracts it again; nothing has to be bumped by
 * hand. A build with another compiler may change the version too: articles are then
 * extracted again, never wrongly kept.
 */
final class RulesVersion {

	/** The folders on the class path whose {@code .tsv} files are rules. */
	static final List<String> FOLDERS = List.of("extraction", "reference");

	/** The packages whose compiled classes are rules too. */
	static final List<String> CODE = List.of("org/policygraph/extraction", "org/policygraph/reference");

	private static final String CURRENT = of(RulesVersion.class.getClassLoader(), FOLDERS, CODE);

	private RulesVersion() {
	}

	/**
	 * @return the version of the rules on this application's class path
	 */
	static String current() {
		return CURRENT;
	}

	/**
	 * @param loader where the rule files are
	 * @param folders the folders whose {@code .tsv} files count
	 * @return {@code rules-} and the first 16 hex digits of a SHA-256 over each file's
	 * path and content, in path order
	 * @throws IllegalStateException when no rule file is found
	 */
	static String of(ClassLoader loader, List<String> folders) {
		return of(loader, folders, List.of());
	}

	/**
	 * @param loader where the rule files are
	 * @param folders the folders whose {@code .tsv} files count
	 * @param code the packages (as paths) whose {@code .class} files count too
	 * @return {@code rules-} and the first 16 hex digits of a SHA-256 over each file's
	 * path and content, in path order
	 * @throws IllegalStateException when no rule file is found
	 */
	static String of(ClassLoader loader, List<String> folders, List<String> code) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
		TreeSet<String> paths = new TreeSet<>();
		try {
			for (String folder : folders) {
				for (Resource resource : resolver.getResources("classpath*:" + folder + "/*.tsv")) {
					paths.add(folder + "/" + resource.getFilename());
				}
			}
			if (paths.isEmpty()) {
				throw new IllegalStateException("No rule files under " + folders + " on the class path");
			}
			for (String pkg : code) {
				for (Resource resource : resolver.getResources("classpath*:" + pkg + "/*.class")) {
					paths.add(pkg + "/" + resource.getFilename());
				}
			}
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String path : paths) {
				// The copy the extractor reads: the first on the class path.
				try (InputStream in = loader.getResourceAsStream(path)) {
					if (in == null) {
						throw new IllegalStateException("Cannot read the rule file " + path);
					}
					digest.update(path.getBytes(StandardCharsets.UTF_8));
					digest.update((byte) 0);
					digest.update(in.readAllBytes());
					digest.update((byte) 0);
				}
			}
			return "rules-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the rule files", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
