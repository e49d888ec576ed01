package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder in front of a database server, so that a test can make the
 * server unreachable for one application (connections refused, open ones cut) without
 * stopping a server that other tests share.
 */
final class TcpProxy implements AutoCloseable {

	private final InetSocketAddress target;

	private final int port;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	TcpProxy(String targetHost, int targetPort) throws IOException {
		this.target = new InetSocketAddress(targetHost, targetPort);
		ServerSocket first = new ServerSocket();
		first.setReuseAddress(true);
		first.bind(new InetSocketAddress("127.0.0.1", 0));
		this.port = first.getLocalPort();
		listen(first);
	}

	int port() {
		return port;
	}

	/** The database is gone: new connections are refused and the open ones break. */
	synchronized void cut() throws IOException {
		if (listener != null) {
			listener.close();
			listener = null;
		}
		for (Socket socket : open) {
			socket.close();
		}
		open.clear();
	}

	/** The database is back, on the same address. */
	synchronized void restore() throws IOException {
		if (listener == null) {
			ServerSocket again = new ServerSocket();
			again.setReuseAddress(true);
			again.bind(new InetSocketAddress("127.0.0.1", port));
			listen(again);
		}
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private void listen(ServerSocket socket) {
		listener = socket;
		Thread accepting = new Thread(() -> {
			while (!socket.isClosed()) {
				Socket client;
				try {
					client = socket.accept();
				}
				catch (IOException closed) {
					return;
				}
				Socket server = new Socket();
				try {
					server.connect(target, 5000);
				}
				catch (IOException refused) {
					closeQuietly(client);
					continue;
				}
				open.add(client);
				open.add(server);
				pump(client, server);
				pump(server, client);
			}
		}, "tcp-proxy-accept-" + port);
		accepting.setDaemon(true);
		accepting.start();
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException broken) {
				// one side closed: close the other too, below
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// already closed
		}
	}

}
