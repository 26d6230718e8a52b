package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CompactSharedStringsTest {

	private static final String SST = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";

	@Test
	void readsPlainAndRichTextEntriesAsPoiDoes() throws Exception {
		var strings = read(SST + "<si><t>name</t></si>"
				+ "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Acme </t></r><r><t>GmbH</t></r></si>"
				+ "<si><t>Zoë &amp; Jürgen ✓</t></si><si><t/></si></sst>");

		assertThat(texts(strings)).containsExactly("name", "Acme GmbH", "Zoë & Jürgen ✓", "");
		assertThat(strings.getUniqueCount()).isEqualTo(4);
	}

	@Test
	void keepsStringsThatCrossItsMemoryBlocksWhole() throws Exception {
		List<String> written = IntStream.range(0, 3_000).mapToObj(i -> ("ü" + i + "-").repeat(120)).toList();
		StringBuilder xml = new StringBuilder(SST);
		written.forEach(text -> xml.append("<si><t>").append(text).append("</t></si>"));

		var strings = read(xml.append("</sst>").toString());

		assertThat(texts(strings)).containsExactlyElementsOf(written);
	}

	@Test
	void refusesAnIndexItDoesNotHave() throws Exception {
		var strings = read(SST + "<si><t>only</t></si></sst>");

		assertThatThrownBy(() -> strings.getItemAt(1)).isInstanceOf(IndexOutOfBoundsException.class);
	}

	private static CompactSharedStrings read(String xml) throws Exception {
		return CompactSharedStrings.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> texts(CompactSharedStrings strings) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < strings.getUniqueCount(); i++) {
			texts.add(strings.getItemAt(i).getString());
		}
		return texts;
	}

}
