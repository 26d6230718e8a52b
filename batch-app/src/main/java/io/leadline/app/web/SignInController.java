package io.leadline.app.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.leadline.app.security.AccessProperties;
import io.leadline.app.security.LocalUsers;

/**
 * Sign-in (Spring Security handles the POST) and, when {@code LEADLINE_SIGNUP=open},
 * sign-up; a new account is signed in at once.
 */
@Controller
class SignInController {

	private final LocalUsers users;

	private final AccessProperties access;

	SignInController(LocalUsers users, AccessProperties access) {
		this.users = users;
		this.access = access;
	}

	@GetMapping("/signin")
	String signIn(@RequestParam(required = false) String error, Model model) {
		if ("locked".equals(error)) {
			model.addAttribute("error", "Too many failed sign-ins. Wait a little, then try again.");
		}
		else if (error != null) {
			model.addAttribute("error", "That email and password do not match an account.");
		}
		return "signin";
	}

	@GetMapping("/signup")
	String signUp() {
		return access.signupOpen() ? "signup" : "redirect:/signin";
	}

	@PostMapping("/signup")
	String signUp(@RequestParam String email, @RequestParam String password, HttpServletRequest request, Model model)
			throws ServletException {
		if (!access.signupOpen()) {
			return "redirect:/signin";
		}
		try {
			users.create(email, password, false);
		}
		catch (IllegalArgumentException e) {
			WebErrors.show(model, e);
			model.addAttribute("email", email);
			return "signup";
		}
		request.login(email, password);
		return "redirect:/";
	}

}
