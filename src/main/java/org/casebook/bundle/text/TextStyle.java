package org.casebook.bundle.text;

/** A face at a size in points. (Temporary stand-in; replaced by the text package at merge.) */
public record TextStyle(Face face, float size) {
}
