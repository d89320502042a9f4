package org.casebook.ui.common;

import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** Vector icons (crisp at any scale) for item kinds and incident types. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        icon.getStyleClass().add("icon");
        return icon;
    }

    public static Ikon forItem(ItemKind kind, String type) {
        return switch (kind) {
            case INCIDENT -> forIncident(type);
            case MESSAGE -> MaterialDesignM.MESSAGE_TEXT_OUTLINE;
            case CALL -> MaterialDesignP.PHONE_OUTLINE;
            case CAPTURE -> MaterialDesignW.WEB;
            case ATTACHMENT -> forMedia(type);
        };
    }

    public static Ikon forIncident(String code) {
        IncidentType type;
        try {
            type = IncidentType.fromCode(code);
        } catch (IllegalArgumentException e) {
            return MaterialDesignN.NOTEBOOK_OUTLINE;
        }
        return switch (type) {
            case MESSAGE -> MaterialDesignM.MESSAGE_ALERT_OUTLINE;
            case CALL -> MaterialDesignP.PHONE_MISSED_OUTLINE;
            case EMAIL -> MaterialDesignE.EMAIL_ALERT_OUTLINE;
            case SOCIAL_MEDIA -> MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE;
            case FOLLOWING -> MaterialDesignW.WALK;
            case LOITERING -> MaterialDesignH.HOME_ALERT_OUTLINE;
            case IN_PERSON -> MaterialDesignA.ACCOUNT_ALERT_OUTLINE;
            case PROPERTY_DAMAGE -> MaterialDesignC.CAR_BRAKE_ALERT;
            case THIRD_PARTY -> MaterialDesignA.ACCOUNT_ARROW_RIGHT_OUTLINE;
            case GIFT -> MaterialDesignG.GIFT_OUTLINE;
            case THREAT -> MaterialDesignA.ALERT_OCTAGON_OUTLINE;
            case OTHER -> MaterialDesignN.NOTEBOOK_OUTLINE;
        };
    }

    public static Ikon forMedia(String mediaType) {
        if (mediaType == null) {
            return MaterialDesignF.FILE_OUTLINE;
        }
        if (mediaType.startsWith("image/")) {
            return MaterialDesignI.IMAGE_OUTLINE;
        }
        if (mediaType.startsWith("video/")) {
            return MaterialDesignF.FILE_VIDEO_OUTLINE;
        }
        if (mediaType.startsWith("audio/")) {
            return MaterialDesignF.FILE_MUSIC_OUTLINE;
        }
        if (mediaType.equals("application/pdf")) {
            return MaterialDesignF.FILE_PDF_BOX;
        }
        return MaterialDesignF.FILE_DOCUMENT_OUTLINE;
    }

    public static final Ikon QUICK_EXIT = MaterialDesignE.EXIT_RUN;
    public static final Ikon LOCK = MaterialDesignS.SHIELD_LOCK_OUTLINE;
}
