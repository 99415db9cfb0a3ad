package dev.aex.module.processor;

import java.util.List;

/**
 * A checked {@code @Module} class: everything the writers need, with no compiler types in it.
 * {@code packageName} is empty for the unnamed package; {@code endpoints} are in source order.
 */
record ModuleModel(
    String packageName,
    String className,
    String name,
    boolean concurrent,
    List<EndpointModel> endpoints) {
  ModuleModel {
    endpoints = List.copyOf(endpoints);
  }

  List<EndpointModel> endpoints(EndpointKind kind) {
    return endpoints.stream().filter(endpoint -> endpoint.kind() == kind).toList();
  }

  String qualifiedClassName() {
    return qualify(className);
  }

  String dispatchClassName() {
    return className + "_AexDispatch";
  }

  String qualifiedDispatchName() {
    return qualify(dispatchClassName());
  }

  private String qualify(String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }
}
