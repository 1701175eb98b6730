// DynamoDB Local, listening on 127.0.0.1 only.
//
// Its command line has no host option, and the Jetty server inside binds every interface: anyone on
// the network could read and write the local data. This runs the same server (DynamoDBLocal.jar's
// own ServerRunner builds it from the same arguments) after pointing its connectors at the loopback
// address. Started by infra/local/emulators.ts with Java's single-file source launcher (JDK 11+;
// Debian's openjdk-17-jre-headless carries the compiler module it needs).
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    // The Jetty server is a private field with no accessor; its connectors can change host until started.
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    int bound = 0;
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector) {
        ((ServerConnector) connector).setHost("127.0.0.1");
        bound++;
      }
    }
    if (bound == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind to 127.0.0.1");
    proxy.start();
  }
}
