package org.policygraph.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns a fetched body into UTF-8, the only encoding the readers accept, deciding its
 * charset from the bytes and what the server and the document declare. Servers and pages
 * often disagree (a server default of ISO-8859-1 in front of a UTF-8 page is common on
 * Vietnamese sites, which no Latin-1 page could be written in), so the order is:
 * <ol>
 * <li>a byte order mark;</li>
 * <li>bytes that are valid UTF-8 and not all ASCII: UTF-8 (a page in a single-byte
 * charset with letters outside ASCII is practically never valid UTF-8);</li>
 * <li>the charset of the {@code Content-Type} header, unless it says UTF-8 (the bytes are
 * not);</li>
 * <li>the document's own declaration ({@code <meta charset>}, {@code <meta http-equiv>},
 * the XML declaration), unless it says UTF-8;</li>
 * <li>windows-1252, the web's default for undeclared single-byte pages.</li>
 * </ol>
 * An XML declaration naming another encoding is rewritten to UTF-8 along with the bytes.
 */
final class BodyCharset {

	private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:+-]+)");

	private static final Pattern META_CHARSET = Pattern
		.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)");

	private static final Pattern XML_ENCODING = Pattern
		.compile("^(\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"'])([A-Za-z0-9._:+-]+)([\"'])");

	/** How far into a document its declaration is looked for. */
	private static final int HEAD = 4096;

	private BodyCharset() {
	}

	/**
	 * @param body the bytes as received (decompressed)
	 * @param contentType the {@code Content-Type} header, if any
	 * @return the same content in UTF-8
	 */
	static byte[] toUtf8(byte[] body, @Nullable String contentType) {
		if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
			return body;
		}
		if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE)) {
			return transcode(body, StandardCharsets.UTF_16);
		}
		boolean ascii = isAscii(body);
		if (ascii || isUtf8(body)) {
			return ascii ? body : rewriteXmlDeclaration(body);
		}
		Charset charset = declared(headerCharset(contentType));
		if (charset == null) {
			charset = declared(documentCharset(body));
		}
		return transcode(body, (charset != null) ? charset : Charset.forName("windows-1252"));
	}

	/**
	 * @return the charset the header names, or {@code null}
	 */
	static @Nullable String headerCharset(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		Matcher m = HEADER_CHARSET.matcher(contentType);
		return m.find() ? m.group(1) : null;
	}

	/**
	 * @return the charset the document's head declares (meta or XML declaration), or
	 * {@code null}
	 */
	static @Nullable String documentCharset(byte[] body) {
		String head = new String(body, 0, Math.min(body.length, HEAD), StandardCharsets.ISO_8859_1);
		Matcher xml = XML_ENCODING.matcher(head);
		if (xml.find()) {
			return xml.group(2);
		}
		Matcher meta = META_CHARSET.matcher(head);
		return meta.find() ? meta.group(1) : null;
	}

	/** A declared charset this JVM knows, other than UTF-8 (which the bytes are not). */
	private static @Nullable Charset declared(@Nullable String name) {
		if (name == null) {
			return null;
		}
		try {
			Charset charset = Charset.forName(name.strip());
			return charset.equals(StandardCharsets.UTF_8) ? null : charset;
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

	private static byte[] transcode(byte[] body, Charset from) {
		String text = new String(body, from);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return rewriteXmlDeclaration(text).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] rewriteXmlDeclaration(byte[] utf8) {
		String head = new String(utf8, 0, Math.min(utf8.length, 200), StandardCharsets.ISO_8859_1);
		Matcher m = XML_ENCODING.matcher(head);
		if (!m.find() || m.group(2).equalsIgnoreCase("utf-8")) {
			return utf8;
		}
		return rewriteXmlDeclaration(new String(utf8, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
	}

	private static String rewriteXmlDeclaration(String text) {
		Matcher m = XML_ENCODING.matcher(text);
		if (!m.find() || m.group(2).toLowerCase(Locale.ROOT).equals("utf-8")) {
			return text;
		}
		return m.group(1) + "UTF-8" + m.group(3) + text.substring(m.end());
	}

	private static boolean isAscii(byte[] body) {
		for (byte b : body) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	static boolean isUtf8(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] body, int... prefix) {
		if (body.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((body[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
