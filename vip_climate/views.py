from django.shortcuts import render


def index(request):
    return render(request, "vip_climate/index.html")
