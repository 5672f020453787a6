import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/** Starter: a server with no routes yet. Add /health. */
public class Server {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // TODO: add a /health route that answers {"status": "ok"}
        server.start();
    }
}
