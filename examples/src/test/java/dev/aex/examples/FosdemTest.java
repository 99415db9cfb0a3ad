package dev.aex.examples;

import static dev.aex.examples.Payloads.NOTHING;
import static dev.aex.examples.Payloads.u16;
import static dev.aex.examples.Payloads.u32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aex.crypto.SymmetricKey;
import dev.aex.crypto.secure.Receiver;
import dev.aex.crypto.secure.Sender;
import dev.aex.wire.ResultCode;
import dev.aex.wire.ResultMessage;
import dev.aex.wire.payload.ModuleOutput;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The FOSDEM demo's modules as processes, one at a time against the fake EM, then all five
 * wired together through a {@link Relay} for the original's acceptance steps. Connection ids are
 * those the deployer gives native.json's connections, in order.
 */
class FosdemTest extends ExampleTest {
  static final int BUTTON_PRESSED = 0;
  static final int TOGGLE_LED = 1;
  static final int INCREMENT_PRESSES = 2;
  static final int GET_PRESSES = 3;
  static final int INIT_SERVER = 4;
  static final int TRIGGER_BTN = 5;
  static final int GET_PRESSES_DIRECT = 6;

  @Test
  void triggerBtnMakesTheButtonDriverSendAPress() throws Exception {
    try (RunningModule button = Examples.module("fosdem", "button_driver").start()) {
      Sender trigger = button.connectInput(TRIGGER_BTN, "trigger_button_press");
      Receiver pressed = Captured.receiver(button.connect(BUTTON_PRESSED, "button_pressed"));

      assertThat(button.event(trigger, TRIGGER_BTN, NOTHING)).isEqualTo(ResultMessage.of(ResultCode.OK));

      ModuleOutput output = Captured.next(em);
      assertThat(output.connId()).isEqualTo(BUTTON_PRESSED);
      assertThat(Captured.open(pressed, output)).isEmpty();
    }
  }

  @Test
  void theControllerTogglesTheLedAndIncrementsThePressesOnAPress() throws Exception {
    try (RunningModule controller = Examples.module("fosdem", "controller").start()) {
      Sender button = controller.connectInput(BUTTON_PRESSED, "button_pressed");
      Map<Integer, Receiver> receivers = new HashMap<>();
      receivers.put(TOGGLE_LED, Captured.receiver(controller.connect(TOGGLE_LED, "toggle_led")));
      receivers.put(INCREMENT_PRESSES,
          Captured.receiver(controller.connect(INCREMENT_PRESSES, "increment_presses")));

      assertThat(controller.event(button, BUTTON_PRESSED, NOTHING)).isEqualTo(ResultMessage.of(ResultCode.OK));

      ModuleOutput first = Captured.next(em);
      ModuleOutput second = Captured.next(em);
      assertThat(List.of(first.connId(), second.connId()))
          .containsExactlyInAnyOrder(TOGGLE_LED, INCREMENT_PRESSES);
      assertThat(Captured.open(receivers.get(first.connId()), first)).isEmpty();
      assertThat(Captured.open(receivers.get(second.connId()), second)).isEmpty();
      em.assertNothingWithin(Duration.ofMillis(200));
    }
  }

  @Test
  void theLedDriverTogglesItsLed() {
    try (RunningModule led = Examples.module("fosdem", "led_driver").start()) {
      Sender toggle = led.connectInput(TOGGLE_LED, "toggle_led");

      assertThat(led.event(toggle, TOGGLE_LED, NOTHING)).isEqualTo(ResultMessage.of(ResultCode.OK));
      assertThat(led.event(toggle, TOGGLE_LED, NOTHING)).isEqualTo(ResultMessage.of(ResultCode.OK));

      assertThat(led.awaitLog("LED is now off")).contains("LED is now on").contains("LED is now off");
    }
  }

  @Test
  void theDbCountsPressesAndAnswersGetPresses() throws Exception {
    try (RunningModule db = Examples.module("fosdem", "db").start()) {
      Sender increment = db.connectInput(INCREMENT_PRESSES, "increment_presses");
      Sender webserver = Wiring.sender(db.connect(GET_PRESSES, "get_presses"));
      Sender deployer = Wiring.sender(db.connect(GET_PRESSES_DIRECT, "get_presses"));

      assertThat(db.request(deployer, GET_PRESSES_DIRECT, NOTHING)).isEqualTo(u32(0));
      db.event(increment, INCREMENT_PRESSES, NOTHING);
      db.event(increment, INCREMENT_PRESSES, NOTHING);

      assertThat(db.request(webserver, GET_PRESSES, NOTHING)).isEqualTo(u32(2));
      assertThat(db.request(deployer, GET_PRESSES_DIRECT, NOTHING)).isEqualTo(u32(2));
    }
  }

  @Test
  void afterInitTheWebserverServesTheCountItRequestsFromTheDb() throws Exception {
    try (RunningModule webserver = Examples.module("fosdem", "webserver").start()) {
      Sender init = webserver.connectInput(INIT_SERVER, "init");
      SymmetricKey requestKey = webserver.connect(GET_PRESSES, "get_presses");
      AtomicInteger presses = new AtomicInteger(7);
      Receiver db = Captured.receiver(requestKey);
      em.respondWith(command -> Optional.of(Payloads.answer(db, command, u32(presses.get()))));
      int port = Examples.freePort();

      assertThat(webserver.event(init, INIT_SERVER, u16(port))).isEqualTo(ResultMessage.of(ResultCode.OK));

      assertThat(Http.get(port)).isEqualTo(new Http.Page(200, "7\n"));
      presses.set(8);
      assertThat(Http.get(port)).isEqualTo(new Http.Page(200, "8\n"));
      ModuleOutput request = Captured.next(em);
      assertThat(request.entryId()).isEqualTo(4);
      assertThat(request.connId()).isEqualTo(GET_PRESSES);

      em.respondWith(command -> Optional.of(ResultMessage.of(ResultCode.BAD_REQUEST)));
      assertThat(Http.get(port).status()).isEqualTo(500);
    }
  }

  /**
   * The original's native acceptance test, with the fake EM as the two nodes' event managers:
   * {@code output init-server --arg beef}-like init (on a free port), the page shows 0, then
   * {@code output trigger-btn} makes it 1, again 2.
   */
  @Test
  void theDemoCountsButtonPressesEndToEnd() throws Exception {
    try (RunningModule webserver = Examples.module("fosdem", "webserver").start();
        RunningModule db = Examples.module("fosdem", "db").start();
        RunningModule controller = Examples.module("fosdem", "controller").start();
        RunningModule button = Examples.module("fosdem", "button_driver").start();
        RunningModule led = Examples.module("fosdem", "led_driver").start()) {
      Relay relay = new Relay(em)
          .route(BUTTON_PRESSED, controller)
          .route(TOGGLE_LED, led)
          .route(INCREMENT_PRESSES, db)
          .route(GET_PRESSES, db);
      Wiring.connect(button, "button_pressed", controller, "button_pressed", BUTTON_PRESSED);
      Wiring.connect(controller, "toggle_led", led, "toggle_led", TOGGLE_LED);
      Wiring.connect(controller, "increment_presses", db, "increment_presses", INCREMENT_PRESSES);
      Wiring.connect(webserver, "get_presses", db, "get_presses", GET_PRESSES);
      Sender initServer = webserver.connectInput(INIT_SERVER, "init");
      Sender triggerBtn = button.connectInput(TRIGGER_BTN, "trigger_button_press");
      int port = Examples.freePort();

      webserver.event(initServer, INIT_SERVER, u16(port));
      assertThat(Http.get(port).body()).isEqualTo("0\n");
      for (int presses = 1; presses <= 2; presses++) {
        button.event(triggerBtn, TRIGGER_BTN, NOTHING);
        assertThat(Wiring.awaitPage(port, presses + "\n")).isEqualTo(presses + "\n");
      }
      assertThat(relay.failures()).isEmpty();
    }
  }
}
