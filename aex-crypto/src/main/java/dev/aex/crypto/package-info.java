/** Key and error types shared by every aex cipher suite. */
package dev.aex.crypto;
