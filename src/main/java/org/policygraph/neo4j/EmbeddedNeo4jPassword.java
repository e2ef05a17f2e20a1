package org.policygraph.neo4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The password of the embedded database's {@code neo4j} user. It is generated once per
 * data directory, on the first start, and kept in the file {@value #FILE_NAME} there,
 * readable by its owner only (mode 0600; an owner-only access list where the file system
 * has ACLs instead): whoever can read that file can already read the store itself. The
 * application's own driver logs in with it, and so does a person with
 * {@code cypher-shell}:
 * <pre>cypher-shell -a bolt://127.0.0.1:7687 -u neo4j -p "$(cat data/neo4j-password)"</pre>
 * The file is the truth: at every start the database's password is made to match it, so
 * editing the file changes the password, and deleting it gives the directory a new one,
 * at the next start.
 */
public final class EmbeddedNeo4jPassword {

	/** The name of the password file in the data directory. */
	public static final String FILE_NAME = "neo4j-password";

	/** The user the password belongs to: Neo4j's initial administrator. */
	public static final String USER = "neo4j";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jPassword.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String value;

	private final Path file;

	private final boolean created;

	private EmbeddedNeo4jPassword(String value, Path file, boolean created) {
		this.value = value;
		this.file = file;
		this.created = created;
	}

	/**
	 * Reads the password of a data directory, e.g. for a tool that connects to the
	 * database another process runs there.
	 * @param dataDirectory the embedded database's data directory
	 * @return the password
	 * @throws UncheckedIOException when there is no password file (the database has never
	 * started there) or it cannot be read
	 */
	public static String read(Path dataDirectory) {
		Path file = dataDirectory.resolve(FILE_NAME);
		try {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the embedded database's password from " + file, ex);
		}
	}

	/**
	 * Reads the directory's password, or generates one when the directory has none yet:
	 * written to a new owner-only file, then handed to Neo4j as the initial password of
	 * its {@code neo4j} user, as {@code neo4j-admin dbms set-initial-password} does, so
	 * that the user never has Neo4j's default password while the database accepts
	 * connections.
	 * @param home the data directory (Neo4j home), which exists
	 * @return the password, and whether it was generated now
	 */
	static EmbeddedNeo4jPassword readOrCreate(Path home) {
		Path file = home.resolve(FILE_NAME);
		if (Files.exists(file)) {
			restrictToOwner(file);
			return new EmbeddedNeo4jPassword(read(home), file, false);
		}
		String password = generate();
		try {
			Path temporary = home.resolve(FILE_NAME + ".new");
			Files.deleteIfExists(temporary);
			createOwnerOnly(temporary);
			Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
			setInitialPassword(home, password);
			move(temporary, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the embedded database's password file " + file, ex);
		}
		return new EmbeddedNeo4jPassword(password, file, true);
	}

	private static String generate() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void createOwnerOnly(Path file) throws IOException {
		FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
		try {
			Files.createFile(file, ownerOnly);
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(file);
			restrictByAcl(file);
		}
	}

	private static void restrictToOwner(Path file) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (!permissions.equals(OWNER_ONLY)) {
				Files.setPosixFilePermissions(file, OWNER_ONLY);
				log.warn("The embedded database's password file {} had the permissions {}; now owner read/write only",
						file, PosixFilePermissions.toString(permissions));
			}
		}
		catch (UnsupportedOperationException ex) {
			restrictByAcl(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot check the permissions of " + file, ex);
		}
	}

	/**
	 * Not a POSIX file system (Windows): one access-control entry, the owner's, replaces
	 * the inherited ones. Where neither view exists, the directory's own rules are all
	 * there is, and the log says so.
	 */
	private static void restrictByAcl(Path file) {
		AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
		if (acl == null) {
			log.warn("The file system of {} has neither POSIX permissions nor ACLs: the password file is as "
					+ "readable as the data directory", file);
			return;
		}
		try {
			AclEntry ownerOnly = AclEntry.newBuilder()
				.setType(AclEntryType.ALLOW)
				.setPrincipal(acl.getOwner())
				.setPermissions(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
						AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES,
						AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.READ_ACL, AclEntryPermission.WRITE_ACL,
						AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE)
				.build();
			if (!acl.getAcl().equals(List.of(ownerOnly))) {
				acl.setAcl(List.of(ownerOnly));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restrict the access list of " + file + " to its owner", ex);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException | FileAlreadyExistsException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Neo4j's own {@code neo4j-admin dbms set-initial-password}, run in this JVM (the
	 * password is never on a command line). It takes effect when the system database is
	 * created, or at a start where the {@code neo4j} user still has the default password
	 * (a directory made before authentication was on).
	 */
	static void setInitialPassword(Path home, String password) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit;
		try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), out, out,
					new DefaultFileSystemAbstraction());
			// "--": a password may begin with '-' (one generated in 64 does), which is
			// not an option.
			exit = new CommandLine(new SetInitialPasswordCommand(context)).execute("--", password);
		}
		if (exit != 0) {
			throw new IllegalStateException("Setting the embedded database's initial password failed (status " + exit
					+ "): " + output.toString(StandardCharsets.UTF_8).strip());
		}
	}

	/**
	 * @return the password
	 */
	String value() {
		return this.value;
	}

	/**
	 * @return the password file
	 */
	Path file() {
		return this.file;
	}

	/**
	 * @return whether the password was generated at this start
	 */
	boolean created() {
		return this.created;
	}

}
