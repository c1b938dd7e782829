"""Who may do what in the admin: roles, permissions, guarded views, forms, dashboard, reports."""
