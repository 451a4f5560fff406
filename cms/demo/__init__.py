"""The demo site that `seed_demo` loads: content written from the seed documents' facts."""
