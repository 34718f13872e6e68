"""Full-window screens: staff sign-in and the counter."""
