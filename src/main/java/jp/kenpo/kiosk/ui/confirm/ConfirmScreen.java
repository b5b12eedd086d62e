package jp.kenpo.kiosk.ui.confirm;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.basicinfo.BasicConfirmScreen;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * {@code #screen-confirm}: the summary (masked where sensitive) and thumbnails of the pictures;
 * the footer's forward button is {@code #submit} 「この内容で認証する」.
 */
public final class ConfirmScreen implements StepScreen {

    static final double THUMB_WIDTH = 130;
    /**
     * The room a half keeps for its values, in letters of the screen's text: 15 holds a date such as
     * 「昭和31年4月1日（1956年）」 on one line in the values' larger type; less, and the names wrap or
     * the halves stack.
     */
    static final double VALUE_EMS = 15;
    /**
     * The narrowest a column of names may wrap to, in letters: 6 keeps a name such as 「保険者番号」 or
     * "Insurer number" to two lines; narrower, and the halves stack.
     */
    static final double NAME_EMS = 6;

    private final ConfirmViewModel vm;
    private final VBox root;
    private final FlowPane thumbs = new FlowPane();

    public ConfirmScreen(ConfirmViewModel vm, I18n i18n) {
        thumbs.getStyleClass().add("thumbnails");
        thumbs.setId("confirm-pictures");
        for (byte[] jpeg : vm.thumbnails()) {
            ImageView v = new ImageView(new Image(new ByteArrayInputStream(jpeg), THUMB_WIDTH, THUMB_WIDTH, true, true));
            thumbs.getChildren().add(v);
        }
        thumbs.setPrefWrapLength(4 * THUMB_WIDTH);
        this.vm = vm;
        GridPane account = BasicConfirmScreen.summary(i18n, vm.accountRows());
        GridPane membership = BasicConfirmScreen.summary(i18n, vm.membershipRows());
        VBox right = new VBox(account, Ui.label(i18n, "final.pictures", "field-label"), thumbs,
                new MessageLabel(i18n, vm.messageProperty()));
        right.getStyleClass().add("form");
        VBox left = new VBox(membership);
        left.getStyleClass().add("form");
        // Two halves side by side, long values wrapping inside their half; when the names leave a
        // half too little room for its values (large text), the halves go one under the other.
        GridPane body = new GridPane();
        body.getStyleClass().add("confirm-columns");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setFillWidth(true);
            body.getColumnConstraints().add(half);
        }
        body.setMaxWidth(Double.MAX_VALUE);
        Label lead = Ui.label(i18n, "final.lead", "lead");
        List<Node> names = new ArrayList<>(membership.lookupAll(".summary-key"));
        names.addAll(account.lookupAll(".summary-key"));
        List<ColumnConstraints> nameColumns = List.of(membership.getColumnConstraints().get(0),
                account.getColumnConstraints().get(0));
        Runnable arrange = () -> {
            double widest = names.stream().mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
            double half = (body.getWidth() - body.getHgap()) / 2;
            double em = lead.getFont().getSize();
            // Names longer than the half leaves them wrap onto a second line before the halves stack.
            double room = half - VALUE_EMS * em;
            boolean wrapped = body.getWidth() > 0 && widest > room && room >= NAME_EMS * em;
            boolean stacked = body.getWidth() > 0 && widest > room && !wrapped;
            for (ColumnConstraints c : nameColumns) {
                c.setPrefWidth(wrapped ? room : Region.USE_COMPUTED_SIZE);
                c.setMaxWidth(wrapped ? room : Double.MAX_VALUE);
            }
            if (body.getChildren().isEmpty() || stacked != (GridPane.getRowIndex(right) == 1)) {
                body.getChildren().clear();
                body.add(left, 0, 0, stacked ? 2 : 1, 1);
                body.add(right, stacked ? 0 : 1, stacked ? 1 : 0, stacked ? 2 : 1, 1);
            }
        };
        arrange.run();
        body.widthProperty().addListener(o -> arrange.run());
        names.forEach(n -> n.layoutBoundsProperty().addListener(o -> arrange.run()));
        root = Ui.page(Step.CONFIRM.screenId(), Ui.title(i18n, "final.title"));
        root.getChildren().addAll(lead, body);
    }

    @Override
    public Region view() {
        return root;
    }

    /** 「この内容で認証する」 in the footer, {@code #submit}: seals in the background, then moves on. */
    @Override
    public String nextKey() {
        return "final.submit";
    }

    @Override
    public String nextId() {
        return AutomationIds.SUBMIT;
    }

    @Override
    public void dispose() {
        thumbs.getChildren().clear();
    }

    @Override
    public StepViewModel viewModel() {
        return vm;
    }
}
