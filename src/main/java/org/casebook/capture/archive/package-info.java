/**
 * Web pages saved by other tools, read into memory ({@link org.casebook.capture.archive.SavedPages}), and the
 * WACZ package a capture is exported as ({@link org.casebook.capture.archive.WaczWriter},
 * {@link org.casebook.capture.archive.WaczValidator}). Pure Java: no JavaFX, no network, no vault.
 */
package org.casebook.capture.archive;
