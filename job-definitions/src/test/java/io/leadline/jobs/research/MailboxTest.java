package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailboxTest {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(textBlock = """
			jane.doe@gmail.com,        FREE_MAIL
			jane.doe@googlemail.com,   FREE_MAIL
			j.doe@outlook.com,         FREE_MAIL
			j.doe@hotmail.co.uk,       FREE_MAIL
			j.doe@live.fr,             FREE_MAIL
			jdoe@yahoo.co.jp,          FREE_MAIL
			jdoe@icloud.com,           FREE_MAIL
			jdoe@proton.me,            FREE_MAIL
			jdoe@protonmail.com,       FREE_MAIL
			hans.mueller@gmx.de,       FREE_MAIL
			hans.mueller@web.de,       FREE_MAIL
			ivan@mail.ru,              FREE_MAIL
			12345678@qq.com,           FREE_MAIL
			wang@163.com,              FREE_MAIL
			Jane.Doe@GMAIL.COM,        FREE_MAIL
			info@gmail.com,            FREE_MAIL
			info@acme.io,              ROLE
			Sales@acme.io,             ROLE
			hello@acme.io,             ROLE
			no-reply@acme.io,          ROLE
			support+eu@acme.io,        ROLE
			kontakt@beispiel-gmbh.de,  ROLE
			jane.doe@acme.io,          WORK
			info.jane@acme.io,         WORK
			jane@mail.acme.io,         WORK
			jane@gmailer.io,           WORK
			jane@outlookmarketing.com, WORK
			""")
	void classifiesAddressesByDomainThenLocalPart(String email, Mailbox expected) {
		assertThat(Mailbox.of(email)).isEqualTo(expected);
	}

}
