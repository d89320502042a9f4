package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import org.casebook.conduct.ConductSummary;
import org.casebook.model.BehaviourTag;
import org.casebook.model.BreachDecision;
import org.casebook.model.BreachStatus;
import org.casebook.model.Case;
import org.casebook.model.CourtOrder;
import org.casebook.model.ImpactEntry;
import org.casebook.model.ImpactKind;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.Person;
import org.casebook.model.Report;
import org.casebook.model.ReportRecipient;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Session;
import org.casebook.ui.main.MainViewModel;
import org.casebook.ui.orders.OrdersViewModel;
import org.casebook.ui.timeline.TimelineRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The course-of-conduct screens on the seeded vault: orders, reports and the impact log recorded through
 * their real dialogs and read back through the services; tags and breaches from the detail pane and the
 * Orders screen; the Pattern screen's figures; and quick exit emptying all of them.
 */
class ConductScreensTest extends UiTestBase {
    private Session session;
    private Case aCase;

    @BeforeEach
    void open() {
        openSeededVault();
        session = shell.session();
        aCase = session.cases().list().get(0);
    }

    @Test
    void orderWithTwoConditionsIsListedAndStored() {
        clickOn("#nav-orders");
        waitUntil("the orders screen", () -> lookup("#add-order").tryQuery().isPresent());
        assertTrue(onFx(() -> ((Label) lookup("#orders").queryAs(ListView.class).getPlaceholder()).getText())
                .startsWith("No orders recorded yet — add one when a court or the police gives you conditions"));
        clickOn("#add-order");
        waitUntil("the order form", () -> lookup("#order-issuer").tryQuery().isPresent());
        choose("#order-kind", OrderKind.NON_MOLESTATION_ORDER.label());
        clickOn("#order-issuer");
        typeText("Anytown Family Court");
        clickOn("#order-reference");
        typeText("FC-123");
        DatePicker made = lookup("#order-made").queryAs(DatePicker.class);
        interact(() -> made.setValue(LocalDate.of(2024, 3, 13)));
        assertEquals("13/03/2024", onFx(() -> made.getEditor().getText()), "UK day/month/year on any computer");
        interact(() -> made.setValue(LocalDate.of(2024, 3, 3)));
        clickOn("#order-until-further");
        clickOn("#order-condition-1");
        typeText("No contact directly or indirectly");
        clickOn("#order-condition-2");
        typeText("Not to enter Hill Road");
        assertEquals("", lookup("#order-problem").queryAs(Label.class).getText());
        clickOn("#order-save");

        waitUntil("the order in the list", () -> listSize("#orders") == 1);
        List<CourtOrder> stored = session.orders().list(aCase.id());
        assertEquals(1, stored.size());
        CourtOrder order = stored.get(0);
        assertEquals(OrderKind.NON_MOLESTATION_ORDER, order.kind());
        assertEquals("Anytown Family Court", order.issuer());
        assertEquals("FC-123", order.reference());
        assertEquals(LocalDate.of(2024, 3, 3), order.made());
        assertNull(order.expires(), "until further order");
        assertEquals(List.of("No contact directly or indirectly", "Not to enter Hill Road"),
                order.conditions().stream().map(c -> c.text()).toList());
        Person sam = session.people().list(aCase.id()).stream().filter(p -> p.name().equals(SeededVault.SAM))
                .findFirst().orElseThrow();
        assertEquals(sam.id(), order.againstPersonId(), "the perpetrator is chosen by default");
        // From 3 March: the diary entries of the 5th and 10th and Sam's message of the 7th.
        waitUntil("the possible breaches", () -> listSize("#order-suggestions") == 3);
        assertTrue(lookup("#order-details").queryAs(Label.class).getText().contains("2. Not to enter Hill Road"));
    }

    @Test
    void orderServiceAndItsDocumentAreEnteredInTheDialogAndCheckBreachesFromService() throws Exception {
        java.nio.file.Path copy = java.nio.file.Files.writeString(temp.resolve("2024-03-03 Order.txt"),
                "NON-MOLESTATION ORDER (fictional)");
        long document = session.attachments().attach(aCase.id(), List.of(copy), null,
                org.casebook.vault.Progress.NONE).get(0).id();
        interact(() -> mainView().viewModel().imported());
        waitUntil("the attached order on the timeline", () -> mainView().viewModel().files().size() == 1);
        clickOn("#nav-orders");
        waitUntil("the orders screen", () -> lookup("#add-order").tryQuery().isPresent());
        clickOn("#add-order");
        waitUntil("the order form", () -> lookup("#order-served").tryQuery().isPresent());
        interact(() -> lookup("#order-made").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 3, 3)));
        clickOn("#order-condition-1");
        typeText("No contact directly or indirectly");
        clickOn("#order-served-how");
        typeText("handed to him by PC 1234 Smith");
        assertEquals("Give the day it was served too.", lookup("#order-problem").queryAs(Label.class).getText());
        DatePicker served = lookup("#order-served").queryAs(DatePicker.class);
        interact(() -> served.setValue(LocalDate.of(2024, 3, 1)));
        assertEquals("The day it was served is before the day it was made.",
                lookup("#order-problem").queryAs(Label.class).getText());
        interact(() -> served.setValue(LocalDate.of(2024, 3, 8)));
        assertEquals("", lookup("#order-problem").queryAs(Label.class).getText());
        choose("#order-document", org.casebook.ui.common.ItemLookup.describe(mainView().viewModel().files().get(0)));
        clickOn("#order-save");

        waitUntil("the order in the list", () -> listSize("#orders") == 1);
        CourtOrder order = session.orders().list(aCase.id()).get(0);
        assertEquals(LocalDate.of(2024, 3, 8), order.served());
        assertEquals("handed to him by PC 1234 Smith", order.servedHow());
        assertEquals(document, order.documentItemId());
        // From the 8th, the day he was served: only the diary entry of the 10th; not the 5th or Sam's message of the 7th.
        waitUntil("the possible breaches", () -> listSize("#order-suggestions") == 1);
        assertTrue(lookup("#order-details").queryAs(Label.class).getText()
                .contains("Served 8 Mar 2024 (handed to him by PC 1234 Smith): contact is checked from that day."));
    }

    @Test
    void aLongOrderRowShowsItsWholeTextAtAnyWidth() {
        String court = "Anytown and District Magistrates' Court sitting at the Combined Court Centre, Court 3";
        session.orders().add(aCase.id(), new OrderDraft(OrderKind.RESTRAINING_ORDER, court, null,
                LocalDate.of(2024, 3, 1), LocalDate.of(2026, 10, 12), null, null, List.of("No contact")));
        clickOn("#nav-orders");
        waitUntil("the order listed", () -> listSize("#orders") == 1);
        for (double width : new double[] {1280, 760}) {
            interact(() -> stage.setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
            ListCell<?> row = onFx(() -> lookup("#orders .list-cell").match((ListCell<?> c) -> c.getItem() != null)
                    .query());
            String expected = "Restraining order\nmade 1 Mar 2024, ends 12 Oct 2026\n" + court;
            assertEquals(expected, onFx(row::getText));
            // The skin's Text node holds what is drawn: cut short it would end in "…" instead of the court's name.
            Text drawn = onFx(() -> (Text) row.lookup(".text"));
            assertEquals(expected, onFx(drawn::getText), "drawn in full at width " + width);
            assertTrue(onFx(() -> drawn.getBoundsInParent().getMaxY() <= row.getHeight()
                            && drawn.getBoundsInParent().getMaxX() <= row.getWidth()),
                    "the wrapped text fits inside its row at width " + width);
            assertTrue(onFx(() -> drawn.getBoundsInLocal().getHeight() > 4 * drawn.getFont().getSize()),
                    "the court's name wraps onto further lines at width " + width);
            assertFalse(onFx(() -> lookup("#orders .scroll-bar:horizontal").tryQuery().map(Node::isVisible)
                    .orElse(false)), "no horizontal scrolling at width " + width);
        }
    }

    @Test
    void patternOrderLinesWrapInsideANarrowWindow() {
        String court = "Anytown and District Magistrates' Court sitting at the Combined Court Centre, Court 3";
        session.orders().add(aCase.id(), new OrderDraft(OrderKind.RESTRAINING_ORDER, court, null,
                LocalDate.of(2024, 3, 1), null, null, null, List.of("No contact")));
        interact(() -> stage.setWidth(760));
        clickOn("#nav-pattern");
        waitUntil("the pattern's orders", () -> lookup("#pattern-orders").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane page = lookup("#pattern-view").queryAs(javafx.scene.control.ScrollPane.class);
        Label head = onFx(() -> (Label) lookup("#pattern-orders").query().lookupAll(".label").stream()
                .filter(n -> ((Label) n).getText().endsWith(court)).findFirst().orElseThrow());
        assertTrue(onFx(() -> page.getContent().getLayoutBounds().getWidth() <= page.getViewportBounds().getWidth()),
                "the page is no wider than the window shows: nothing is cut off at its right edge");
        assertTrue(onFx(() -> head.localToScene(head.getLayoutBounds()).getMaxX()
                        <= page.localToScene(page.getLayoutBounds()).getMaxX()),
                "the order's line ends inside the page");
        assertEquals(onFx(head::getText), onFx(() -> ((Text) head.lookup(".text")).getText()), "drawn in full");
    }

    @Test
    void reportIsListedAndStoredAndLinkedToAnIncident() {
        clickOn("#nav-reports");
        waitUntil("the reports screen", () -> lookup("#add-report").tryQuery().isPresent());
        clickOn("#add-report");
        waitUntil("the report form", () -> lookup("#report-name").tryQuery().isPresent());
        DatePicker date = lookup("#report-date").queryAs(DatePicker.class);
        interact(() -> date.setValue(LocalDate.of(2024, 3, 6)));
        replaceText("#report-time", "10:30");
        choose("#report-to", ReportRecipient.POLICE.label());
        clickOn("#report-name");
        typeText("Anyshire Police");
        clickOn("#report-reference");
        typeText("CRIME/2024/0042");
        clickOn("#report-contact");
        typeText("PC 1234 Smith");
        clickOn("#report-collar");
        typeText("1234");
        clickOn("#report-outcome");
        typeText("Statement taken");
        clickOn("#report-save");

        waitUntil("the report in the list", () -> listSize("#reports") == 1);
        Report report = session.reports().list(aCase.id()).get(0);
        assertEquals(ReportRecipient.POLICE, report.recipientKind());
        assertEquals("CRIME/2024/0042", report.reference());
        assertEquals("PC 1234 Smith", report.contact());
        assertEquals("1234", report.collar());
        assertEquals("Statement taken", report.outcome());
        assertEquals(LocalDate.of(2024, 3, 6).atTime(10, 30), report.at().toLocalDateTime());

        clickOn("#report-link");
        waitUntil("the incidents to link", () -> lookup("#link-items").tryQuery().isPresent());
        clickOn(lookup("#link-items .check-box").nth(0).<Node>query());
        clickOn("#link-save");
        long threat = itemWithText(SeededVault.THREAT).id();
        waitUntil("the linked incident", () -> listSize("#report-linked") == 1);
        assertEquals(List.of(threat), session.reports().get(report.id()).incidentIds());
    }

    @Test
    void impactEntryIsListedAndStored() {
        clickOn("#nav-impact");
        waitUntil("the impact screen", () -> lookup("#add-impact").tryQuery().isPresent());
        clickOn("#add-impact");
        waitUntil("the impact form", () -> lookup("#impact-text").tryQuery().isPresent());
        DatePicker date = lookup("#impact-date").queryAs(DatePicker.class);
        interact(() -> date.setValue(LocalDate.of(2024, 3, 9)));
        choose("#impact-kind", ImpactKind.STOPPED_GOING_OUT.label());
        clickOn("#impact-text");
        typeText("I stopped going to the gym");
        clickOn("#impact-save");

        waitUntil("the entry in the log", () -> listSize("#impact-log") == 1);
        List<ImpactEntry> stored = session.impact().list(aCase.id());
        assertEquals(1, stored.size());
        assertEquals(LocalDate.of(2024, 3, 9), stored.get(0).date());
        assertEquals(ImpactKind.STOPPED_GOING_OUT, stored.get(0).kind());
        assertEquals("I stopped going to the gym", stored.get(0).text());
    }

    @Test
    void taggingAnItemInTheDetailPane() {
        selectOnTimeline(SeededVault.THREAT);
        waitUntil("the tags", () -> lookup("#tag-threats").tryQuery().isPresent());
        assertTrue(lookup("#detail-prompts").tryQuery().isPresent(), "a diary entry shows the four prompts");
        assertTrue(lookup("#helplines").tryQuery().isPresent(), "and where to get help");
        clickOn("#tag-threats");
        long id = itemWithText(SeededVault.THREAT).id();
        waitUntil("the tag stored", () -> session.tags().tags(id).equals(Set.of(BehaviourTag.THREATS)));
        waitUntil("the box still ticked after the reload",
                () -> lookup("#tag-threats").queryAs(CheckBox.class).isSelected());
        clickOn("#tag-threats");
        waitUntil("the tag removed", () -> session.tags().tags(id).isEmpty());
    }

    @Test
    void confirmingASuggestedBreach() {
        Person sam = session.people().list(aCase.id()).stream().filter(p -> p.name().equals(SeededVault.SAM))
                .findFirst().orElseThrow();
        CourtOrder order = session.orders().add(aCase.id(), new OrderDraft(OrderKind.RESTRAINING_ORDER, "Court",
                null, LocalDate.of(2024, 3, 1), null, sam.id(), null, List.of("No contact", "Not to enter Hill Road")));
        clickOn("#nav-orders");
        // Every diary incident and Sam's two messages from 1 March on (Wendy is a witness, not a contact).
        waitUntil("five possible breaches", () -> listSize("#order-suggestions") == 5);
        clickOn(lookup("#order-suggestions .list-cell").match((ListCell<?> c) -> c.getItem() != null
                && c.getText().contains(SeededVault.IGNORING)).<Node>query());
        choose("#breach-condition", "2. Not to enter Hill Road");
        choose("#breach-condition", "1. No contact");
        clickOn("#confirm-breach");

        waitUntil("four suggestions left", () -> listSize("#order-suggestions") == 4);
        waitUntil("one confirmed breach", () -> listSize("#order-breaches") == 1);
        List<BreachDecision> decisions = session.orders().breaches(order.id());
        assertEquals(1, decisions.size());
        assertEquals(BreachStatus.CONFIRMED, decisions.get(0).status());
        assertEquals(itemWithText(SeededVault.IGNORING).id(), decisions.get(0).itemId());
        assertEquals("No contact", decisions.get(0).condition());

        // Clicking the confirmed breach shows the message on the timeline.
        clickOn(lookup("#order-breaches .list-cell").match((ListCell<?> c) -> c.getItem() != null).<Node>query());
        waitUntil("the message selected on the timeline", () -> timeline() != null && timeline().getScene() != null
                && timeline().getSelectionModel().getSelectedItem() instanceof TimelineRow.Entry e
                && SeededVault.IGNORING.equals(e.item().text()));
    }

    @Test
    void notABreachRemovesTheSuggestionAndCoversEveryCondition() {
        Person sam = session.people().list(aCase.id()).stream().filter(p -> p.name().equals(SeededVault.SAM))
                .findFirst().orElseThrow();
        CourtOrder order = session.orders().add(aCase.id(), new OrderDraft(OrderKind.RESTRAINING_ORDER, "Court",
                null, LocalDate.of(2024, 3, 1), null, sam.id(), null, List.of("No contact", "Not to enter Hill Road")));
        clickOn("#nav-orders");
        waitUntil("five possible breaches", () -> listSize("#order-suggestions") == 5);
        clickOn(lookup("#order-suggestions .list-cell").match((ListCell<?> c) -> c.getItem() != null
                && c.getText().contains(SeededVault.IGNORING)).<Node>query());
        clickOn("#dismiss-breach");

        waitUntil("four suggestions left", () -> listSize("#order-suggestions") == 4);
        assertTrue(onFx(() -> lookup("#order-suggestions").queryAs(ListView.class).getItems().stream()
                .noneMatch(l -> ((OrdersViewModel.ItemLine) l).text().contains(SeededVault.IGNORING))));
        assertEquals(0, listSize("#order-breaches"), "not a breach is not listed as one");
        long ignoring = itemWithText(SeededVault.IGNORING).id();
        List<BreachDecision> decisions = session.orders().breaches(order.id());
        assertEquals(List.of("No contact", "Not to enter Hill Road"), decisions.stream().map(BreachDecision::condition)
                .toList(), "dismissed for the whole order, not just its first condition");
        assertTrue(decisions.stream().allMatch(d -> d.itemId() == ignoring && d.status() == BreachStatus.DISMISSED));
    }

    @Test
    void samePersonAsMergesTwoPeopleAndThePatternCountsBoth() {
        clickOn("#nav-pattern");
        waitUntil("the figures", () -> "2".equals(text("#card-messages")));
        waitUntil("two people", () -> listSize("#people") == 2);
        clickOn(lookup("#people .list-cell").match((ListCell<?> c) -> c.getItem() instanceof Person p
                && p.name().equals(SeededVault.WENDY)).<Node>query());
        clickOn("#merge-person");
        waitUntil("the choice of person", () -> lookup("#merge-into").tryQuery().isPresent());
        assertEquals(SeededVault.SAM, onFx(() -> ((Person) lookup("#merge-into").queryAs(ListView.class)
                .getSelectionModel().getSelectedItem()).name()));
        clickOn(dialogButton("OK"));
        waitUntil("the confirmation", () -> lookup(".dialog-pane .button").match(
                (javafx.scene.control.Button b) -> "Merge".equals(b.getText())).tryQuery().isPresent());
        clickOn(dialogButton("Merge"));

        waitUntil("one person listed", () -> listSize("#people") == 1);
        assertEquals(List.of(SeededVault.SAM), session.people().list(aCase.id()).stream().map(Person::name).toList());
        waitUntil("Wendy's message counted as Sam's", () -> "3".equals(text("#card-messages")));
    }

    private Node dialogButton(String label) {
        return lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> label.equals(b.getText()))
                .query();
    }

    @Test
    void patternShowsTheSeededCounts() {
        clickOn("#nav-pattern");
        waitUntil("the figures", () -> lookup("#card-incidents").tryQuery().isPresent());
        assertEquals("3", text("#card-incidents"));
        assertEquals("2", text("#card-messages"), "Sam's messages: Wendy is a witness, not a contact");
        assertEquals("0", text("#card-calls"));
        assertEquals("1 Mar 2024", text("#card-first"));
        assertEquals("10 Mar 2024", text("#card-last"));
        ConductSummary figures = session.figures().summarise(aCase.id(), null, null);
        assertEquals(figures.longestGapDays() + " days", text("#card-gap"));
        assertFalse(text("#pattern-narrative").isBlank());
        assertTrue(text("#pattern-escalation-method").startsWith("How this is worked out: "));

        // 1 to 10 March 2024 spans two ISO weeks: from Monday 26 February and from Monday 4 March.
        BarChart<?, ?> perWeek = lookup("#per-week").queryAs(BarChart.class);
        assertEquals(figures.perWeek().size(), perWeek.getData().get(0).getData().size());
        assertEquals(List.of(2L, 3L), figures.perWeek().stream().map(ConductSummary.WeekCount::count).toList());
        BarChart<?, ?> byHour = lookup("#by-hour").queryAs(BarChart.class);
        assertEquals(24, byHour.getData().get(0).getData().size());
        Node ninePm = byHour.getData().get(0).getData().get(21).getNode();
        Tooltip tip = (Tooltip) ninePm.getProperties().values().stream().filter(v -> v instanceof Tooltip)
                .findFirst().orElseThrow();
        assertEquals("21:00–21:59: 1 contact", tip.getText(), "the numbers behind the bar");

        // A shorter period recomputes: only 1 to 3 March.
        DatePicker to = lookup("#pattern-to").queryAs(DatePicker.class);
        interact(() -> to.setValue(LocalDate.of(2024, 3, 3)));
        waitUntil("the figures for 1-3 March", () -> "1".equals(text("#card-incidents"))
                && "1".equals(text("#card-messages")));
    }

    @Test
    void quickExitEmptiesTheNewScreens() {
        Person sam = session.people().list(aCase.id()).get(0);
        session.orders().add(aCase.id(), new OrderDraft(OrderKind.RESTRAINING_ORDER, "Court", null,
                LocalDate.of(2024, 3, 1), null, sam.id(), null, List.of("No contact")));
        session.impact().add(aCase.id(), LocalDate.of(2024, 3, 2), ImpactKind.HEALTH, "Not sleeping", List.of());
        MainViewModel vm = onFx(() -> mainViewModel());
        clickOn("#nav-orders");
        waitUntil("the order and its suggestions", () -> listSize("#orders") == 1 && listSize("#order-suggestions") == 5);
        clickOn("#nav-impact");
        waitUntil("the impact log", () -> listSize("#impact-log") == 1);
        clickOn("#nav-pattern");
        waitUntil("the pattern", () -> lookup("#card-incidents").tryQuery().isPresent());
        selectOnTimeline(SeededVault.THREAT);
        waitUntil("the tags in the detail pane", () -> lookup("#tag-threats").tryQuery().isPresent());

        interact(() -> shell.quickExit());
        assertNull(shell.session());
        assertTrue(vm.orders().orders().isEmpty() && vm.orders().suggestions().isEmpty()
                && vm.orders().breaches().isEmpty(), "orders emptied");
        assertTrue(vm.reports().reports().isEmpty() && vm.reports().linked().isEmpty(), "reports emptied");
        assertTrue(vm.impact().entries().isEmpty(), "impact log emptied");
        assertNull(vm.pattern().summaryProperty().get(), "pattern emptied");
        assertNull(vm.detail().conduct().stateProperty().get(), "tags and prompts emptied");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private MainViewModel mainViewModel() {
        return mainView().viewModel();
    }

    private void selectOnTimeline(String text) {
        clickOn("#nav-timeline");
        clickOn(lookup("#timeline .list-cell").match((ListCell<TimelineRow> cell) ->
                cell.getItem() instanceof TimelineRow.Entry e && text.equals(e.item().text())).<Node>query());
        waitUntil("the item in the detail pane", () -> lookup("#detail-conduct").tryQuery().isPresent());
    }

    private TimelineItem itemWithText(String text) {
        return session.timeline().timeline(aCase.id()).stream().filter(i -> text.equals(i.text())).findFirst()
                .orElseThrow();
    }

    private int listSize(String query) {
        return lookup(query).tryQuery().map(n -> ((ListView<?>) n).getItems().size()).orElse(-1);
    }

    private String text(String query) {
        return onFx(() -> lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }
}
