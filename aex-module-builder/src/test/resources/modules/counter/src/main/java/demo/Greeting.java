package demo;

/** A helper class beside the module class. */
final class Greeting {
  private Greeting() {}

  static String text() {
    return "reset";
  }
}
