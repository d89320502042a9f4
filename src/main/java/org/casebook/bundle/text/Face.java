package org.casebook.bundle.text;

/** The three faces the bundle uses. (Temporary stand-in; replaced by the text package at merge.) */
public enum Face { REGULAR, BOLD, MONO }
