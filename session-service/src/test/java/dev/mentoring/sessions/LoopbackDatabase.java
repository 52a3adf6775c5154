package dev.mentoring.sessions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A stand-in for PostgreSQL on a loopback port that does one thing with every connection it takes, for the outage tests. */
final class LoopbackDatabase {

    /** What to do with a connection taken; it may throw to drop it. */
    interface Taken {
        void accept(Socket socket) throws IOException;
    }

    private LoopbackDatabase() {
    }

    /** Listens on a free loopback port, hands every connection to {@code taken} on a daemon thread, and answers the port. */
    static int start(String name, Taken taken) {
        ServerSocket server;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    taken.accept(server.accept());
                } catch (IOException dropped) {
                    // the client went first, or the connection was dropped on purpose
                }
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }
}
