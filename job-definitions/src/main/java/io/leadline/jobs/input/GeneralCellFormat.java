package io.leadline.jobs.input;

import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.ExcelGeneralNumberFormat;

/**
 * Excel's "General" format, except that whole numbers keep every digit. Phone numbers and
 * ids are often stored as numbers, and Excel's "4.91511E+12" would destroy them in the
 * output.
 */
final class GeneralCellFormat extends Format {

	private static final double LARGEST_EXACT_WHOLE = 1e15;

	private final Format general = new ExcelGeneralNumberFormat(Locale.US);

	static DataFormatter formatter() {
		DataFormatter formatter = new DataFormatter(Locale.US);
		formatter.addFormat("General", new GeneralCellFormat());
		return formatter;
	}

	@Override
	public StringBuffer format(Object value, StringBuffer target, FieldPosition position) {
		if (value instanceof Number number && isWhole(number.doubleValue())) {
			return target.append(number.longValue());
		}
		return general.format(value, target, position);
	}

	@Override
	public Object parseObject(String source, ParsePosition position) {
		throw new UnsupportedOperationException("formatting only");
	}

	private static boolean isWhole(double value) {
		return Math.abs(value) < LARGEST_EXACT_WHOLE && value == Math.rint(value);
	}

}
