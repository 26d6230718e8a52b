package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListInspectionTest {

	@TempDir
	Path dir;

	@AfterEach
	void clearInterrupt() {
		Thread.interrupted();
	}

	@Test
	void anInterruptedInspectionOfAWorkbookStopsInsteadOfReadingOn() throws IOException {
		Path workbook = XlsxBomb.write(dir.resolve("list.xlsx"), XlsxBomb.Part.STYLES, 0);

		Thread.currentThread().interrupt();

		assertThatThrownBy(() -> ListInspection.inspect(workbook, InputLimits.defaults()))
			.isInstanceOf(InputLimitException.class)
			.hasMessage("the inspection was stopped after its time limit");
	}

	@Test
	void inspectsTheSameWorkbookWhenNotInterrupted() throws IOException {
		Path workbook = XlsxBomb.write(dir.resolve("list.xlsx"), XlsxBomb.Part.STYLES, 0);

		ListInspection inspection = ListInspection.inspect(workbook, InputLimits.defaults());

		assertThat(inspection.dataRows()).isEqualTo(1);
		assertThat(inspection.headers().originals()).containsExactly("name", "email");
	}

}
