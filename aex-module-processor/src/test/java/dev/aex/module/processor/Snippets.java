package dev.aex.module.processor;

/** Module sources shared by the golden-file and the loading tests. */
final class Snippets {
  private Snippets() {}

  /** The controller of the FOSDEM demo: a button press toggles a LED and counts the press. */
  static final String CONTROLLER = """
      package fosdem;

      import dev.aex.module.Input;
      import dev.aex.module.Module;
      import dev.aex.module.Output;
      import dev.aex.module.OutputPort;

      @Module
      public final class Controller {
        @Output("toggle_led") OutputPort toggleLed;
        @Output OutputPort incrementPresses;

        @Input
        void buttonPressed(byte[] data) {
          toggleLed.send(new byte[0]);
          incrementPresses.send(data);
        }
      }
      """;

  /** The database of the FOSDEM demo: counts presses, answers the count, resets on init. */
  static final String DB = """
      package fosdem.db;

      import dev.aex.module.Entry;
      import dev.aex.module.EntryResult;
      import dev.aex.module.Handler;
      import dev.aex.module.Input;
      import dev.aex.module.Module;

      @Module("db")
      public final class Db {
        private int presses;

        @Input
        void incrementPresses(byte[] data) {
          presses++;
        }

        @Handler
        byte[] getPresses(byte[] data) {
          return new byte[] {(byte) presses};
        }

        @Entry
        EntryResult init(byte[] args) {
          presses = args.length == 0 ? 0 : args[0];
          return EntryResult.ok(new byte[] {(byte) presses});
        }
      }
      """;

  /** A concurrent module whose handler forwards to a request, and whose input always fails. */
  static final String RELAY = """
      package relay;

      import dev.aex.module.Handler;
      import dev.aex.module.Input;
      import dev.aex.module.Module;
      import dev.aex.module.Request;
      import dev.aex.module.RequestFailedException;
      import dev.aex.module.RequestPort;

      @Module(concurrent = true)
      final class Relay {
        @Request RequestPort lookup;

        @Handler
        byte[] ask(byte[] data) throws RequestFailedException {
          return lookup.call(data);
        }

        @Input
        void broken(byte[] data) throws java.io.IOException {
          throw new java.io.IOException("disk full");
        }
      }
      """;
}
