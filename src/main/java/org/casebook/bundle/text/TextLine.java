package org.casebook.bundle.text;

/** One laid-out line of text. (Temporary stand-in; replaced by the text package at merge.) */
public interface TextLine {
    float width();

    boolean rightToLeft();

    String text();
}
