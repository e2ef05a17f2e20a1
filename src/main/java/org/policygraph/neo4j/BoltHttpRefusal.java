package org.policygraph.neo4j;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.connection.listener.ConnectionListener;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;

/**
 * Turns off Bolt over WebSocket (and Bolt's HTTP discovery answer) on the embedded
 * database's Bolt port. Neo4j 5 answers a WebSocket upgrade on its Bolt port whatever the
 * page that asks, and has no setting to stop it: any web page open in a browser on the
 * host could then talk to the database. The application's driver speaks Bolt over plain
 * TCP, so a connection that opens with an HTTP request is answered {@code 403 Forbidden}
 * and closed before Neo4j sees it; any other connection passes on untouched.
 */
final class BoltHttpRefusal implements ConnectorListener {

	static final String HANDLER_NAME = "policygraphRefuseHttp";

	private static final String BODY = "Bolt over HTTP and WebSocket is disabled on this database.\n";

	private static final byte[] RESPONSE = ("HTTP/1.1 403 Forbidden\r\n" + "Content-Type: text/plain; charset=utf-8\r\n"
			+ "Content-Length: " + BODY.length() + "\r\n" + "Connection: close\r\n\r\n" + BODY)
		.getBytes(StandardCharsets.US_ASCII);

	@Override
	public void onConnectionCreated(Connection connection) {
		connection.registerListener(new ConnectionListener() {

			@Override
			public void onNetworkPipelineInitialized(ChannelPipeline pipeline) {
				pipeline.addFirst(HANDLER_NAME, new RefuseHttp());
			}

		});
	}

	/**
	 * Looks at the first bytes of a connection: an HTTP request is refused, Bolt passes.
	 */
	static final class RefuseHttp extends ByteToMessageDecoder {

		private static final int LONGEST_METHOD = "OPTIONS ".length();

		@Override
		protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
			int readable = Math.min(in.readableBytes(), LONGEST_METHOD);
			String start = in.toString(in.readerIndex(), readable, StandardCharsets.US_ASCII);
			if (isHttp(start)) {
				in.skipBytes(in.readableBytes());
				ctx.writeAndFlush(Unpooled.wrappedBuffer(RESPONSE)).addListener(ChannelFutureListener.CLOSE);
			}
			else if (readable == LONGEST_METHOD || !couldBecomeHttp(start)) {
				// Not HTTP: step aside; the bytes read so far go on to Neo4j.
				ctx.pipeline().remove(this);
			}
		}

		private static boolean isHttp(String start) {
			int space = start.indexOf(' ');
			return space > 0 && isMethod(start.substring(0, space));
		}

		private static boolean couldBecomeHttp(String start) {
			return start.chars().allMatch(c -> c >= 'A' && c <= 'Z');
		}

		private static boolean isMethod(String token) {
			return switch (token) {
				case "GET", "POST", "PUT", "HEAD", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE" -> true;
				default -> false;
			};
		}

	}

}
