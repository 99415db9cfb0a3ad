#!/bin/sh
# aex module binary: this launcher, then a jar. Finds a Java >= 21 and runs the jar with it.
set -eu
AEX_NEED_JAVAC=0
