package com.commerceinsight.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RfmCellTest {

    @Test
    void everyGridSquareHasACellAndEveryCellASquare() {
        Set<RfmCell> used = EnumSet.noneOf(RfmCell.class);
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                used.add(RfmCell.of(r, fm));
            }
        }
        assertThat(used).containsExactlyInAnyOrder(RfmCell.values());
    }

    @Test
    void theCornersReadAsMarketersReadThem() {
        assertThat(RfmCell.of(5, 5)).isEqualTo(RfmCell.CHAMPIONS);
        assertThat(RfmCell.of(5, 1)).isEqualTo(RfmCell.NEW);
        assertThat(RfmCell.of(1, 5)).isEqualTo(RfmCell.CANT_LOSE_THEM);
        assertThat(RfmCell.of(1, 1)).isEqualTo(RfmCell.LOST);
        assertThat(RfmCell.of(3, 3)).isEqualTo(RfmCell.NEED_ATTENTION);
    }

    @Test
    void frequencyAndMonetaryCombineByTheirMeanRoundedUp() {
        assertThat(RfmCell.frequencyMonetary(4, 5)).isEqualTo(5);
        assertThat(RfmCell.frequencyMonetary(1, 2)).isEqualTo(2);
        assertThat(RfmCell.frequencyMonetary(3, 3)).isEqualTo(3);
        assertThat(RfmScores.of(4, 1, 2).cell()).isEqualTo(RfmCell.POTENTIAL_LOYALISTS);
        assertThatThrownBy(() -> RfmCell.of(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
