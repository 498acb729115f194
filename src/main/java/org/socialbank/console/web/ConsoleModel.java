package org.socialbank.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffMember;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every console page's model what the layout needs: {@code staff} (the signed-in {@link
 * StaffMember}) and {@code can} (permission name to true or false, e.g. {@code ${can.AUDIT}}), so
 * that a page of any module under {@code /console} gets the navigation right.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleModel implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console", "/console/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffMember staff) {
            view.addObject("staff", staff);
            Map<String, Boolean> can = new HashMap<>();
            for (Permission p : Permission.values()) {
                can.put(p.name(), staff.can(p));
            }
            view.addObject("can", can);
        }
        response.setHeader("Cache-Control", "no-store");
    }
}
