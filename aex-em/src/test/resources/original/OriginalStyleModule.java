import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A module that behaves like a native module of the original system, seen from its event
 * manager: its port is compiled in (EM_PORT + MODULE_ID, here a constant the test writes), it reads
 * one Message per connection, answers one ResultMessage and closes. Entries 5 and up answer Ok
 * with "orig"; the reserved ones BadRequest.
 */
public final class OriginalStyleModule {
  static final int PORT = @PORT@;

  public static void main(String[] args) throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), PORT));
      while (true) {
        try (Socket socket = server.accept()) {
          serveOne(socket);
        } catch (IOException e) {
          System.err.println("original-style module: " + e);
        }
      }
    }
  }

  private static void serveOne(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] message = new byte[in.readUnsignedShort()];
    in.readFully(message);
    int entry = (message[0] & 0xff) << 8 | (message[1] & 0xff);
    OutputStream out = socket.getOutputStream();
    out.write(entry >= 5 ? new byte[] {0, 0, 4, 'o', 'r', 'i', 'g'} : new byte[] {4, 0, 0});
    out.flush();
  }
}
